/**
 * The plan fits the client's complaint (issue 24): a runner with pain at the front of the right
 * knee after runs gets the red-flag questions for a joint (not the hip's groin-on-hopping one), and
 * a drafted plan with step-downs and quadriceps work beside the hip programme, each with its
 * reason and source; the week holds the runner's four runs; the report says where it hurts.
 */
import { RED_FLAGS } from '../../../shared/plan/intake.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import { apiCall } from './api.ts';
import { expect, test } from './fixtures.ts';

const question = (id: string) => RED_FLAGS.find((f) => f.id === id)!.question;

test('front-of-knee pain: knee red-flag questions, knee exercises with their sources, the runs in the week, and the report says where it hurts', async ({ app, bridge }, testInfo) => {
  const client = await apiCall(app, 'clients.create', { name: 'Jon Park', dateOfBirth: null, heightCm: 181, notes: '' });
  const visit = await apiCall(app, 'visits.create', { clientId: client.id, visitDate: '2026-12-01', reason: 'Knee pain', notes: '' });
  await app.goto(`${bridge.origin}/#/visits/${visit.id}`);
  await app.getByRole('button', { name: 'Fill in intake' }).click();
  const intake = app.getByRole('form', { name: 'Intake' });
  await intake.getByLabel('Reason for the visit').fill('Pain at the front of the right knee after 8 km.');
  await intake.getByLabel('Pain location').fill('under the right kneecap');
  // before a region is ticked every question is asked
  await expect(intake.getByLabel(question('groinPainOnHopping'))).toBeVisible();
  await intake.getByLabel('Front of the knee').check();
  await intake.getByLabel('Side').selectOption('right');
  await intake.getByLabel('After runs').check();
  await intake.getByLabel('Weekly running distance (km)').fill('35');
  await intake.getByLabel('Runs per week').fill('4');
  await intake.getByLabel('Long-run day').selectOption('sun');
  // the joint's question, the general ones; not the hip's, the shin's or the back's
  await expect(intake.getByLabel(question('grindingClickingPopping'))).toBeVisible();
  await expect(intake.getByLabel(question('painAtRestOrNight'))).toBeVisible();
  for (const id of ['groinPainOnHopping', 'focalBonePain', 'saddleNumbnessOrBladder', 'achillesSnap']) await expect(intake.getByLabel(question(id))).toHaveCount(0);
  await expect(intake.getByText('Lateral hip pain (signs of gluteal tendinopathy)')).toHaveCount(0);
  const intakeShot = testInfo.outputPath('knee-intake.png');
  await intake.screenshot({ path: intakeShot });
  await testInfo.attach('knee-intake', { path: intakeShot, contentType: 'image/png' });
  await intake.getByRole('button', { name: 'Save intake' }).click();
  await expect(app.getByRole('form', { name: 'Intake' })).toHaveCount(0);

  await app.getByRole('link', { name: 'Draft plan' }).click();
  await app.getByRole('button', { name: 'Draft plan' }).click();
  const exercises = app.getByRole('region', { name: 'Exercises' });
  for (const name of ['Step-down', 'Split squat', 'Wall sit']) await expect(exercises.getByRole('listitem', { name, exact: true })).toBeVisible();
  const planShot = testInfo.outputPath('knee-plan.png');
  await app.screenshot({ path: planShot, fullPage: true });
  await testInfo.attach('knee-plan', { path: planShot, contentType: 'image/png' });
  await app.getByRole('button', { name: 'Save plan' }).click();
  await expect(app.getByText('Plan saved.')).toBeVisible();

  const plan = (await apiCall(app, 'visits.get', { id: visit.id })).plan as Plan;
  const stepDown = plan.items.find((i) => i.exerciseId === 'stepDown')!;
  expect(stepDown.sources).toContain('crossley2016');
  expect(stepDown.why).toContain('Chosen for the pain at the front of the knee');
  expect(plan.items.map((i) => i.exerciseId)).toEqual(expect.arrayContaining(['sideLyingHipAbduction', 'gluteBridge', 'clamshell']));
  const runDays = plan.schedule.days.filter((d) => d.tags.includes('run') || d.tags.includes('longRun')).map((d) => d.day);
  expect(runDays).toEqual(['tue', 'wed', 'fri', 'sun']);

  await app.getByRole('link', { name: 'Open report' }).click();
  await expect(app.locator('body[data-report-ready]')).toBeAttached({ timeout: 60_000 });
  const told = app.getByRole('region', { name: 'What you told us' });
  await expect(told).toContainText('under the right kneecap (front of the knee, right side), after runs');
  await expect(told).toContainText('35 km in 4 runs');
  const sources = app.getByRole('region', { name: 'Sources' });
  await expect(sources).toContainText('Patellofemoral pain consensus statement');
});
