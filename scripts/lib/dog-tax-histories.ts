/**
 * The Hundesteuer runs whose histories the replay test keeps: a registration, a registration
 * rejected (no resident of Hagen), a deregistration with a refund, and an exemption decided in
 * the inbox after its task escalated at 30 days.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { temporal } from '@temporalio/proto';
import { caseOpenedUpdate } from '../../workflows/dog-tax/shared';
import { completeTaskUpdate, taskIdOf } from '../../workflows/tasks/shared';
import { dogRegistrationWorkflow } from '../../workflows/dog-tax/registration';
import { dogDeregistrationWorkflow } from '../../workflows/dog-tax/deregistration';
import { dogTaxExemptionWorkflow } from '../../workflows/dog-tax/exemption';

type History = temporal.api.history.v1.IHistory;
/** Not in the resident registry (Ennepetal): the registration is rejected. */
const notResident = { familyName: 'Muster', givenName: 'Sven', birthDate: '1980-05-05', street: 'Hauptstraße 1', postalCode: '58256', email: 'sven@example.org' };
const holder = { familyName: 'Beispiel', givenName: 'Anna', birthDate: '1988-11-23', street: 'Boeler Straße 88', postalCode: '58097', email: 'anna@example.org' };

export async function recordDogTaxHistories(env: TestWorkflowEnvironment, taskQueue: string, wanted: (name: string) => boolean,
  save: (name: string, history: History) => void): Promise<void> {
  if (wanted('dog-tax-registration-rejected')) {
    const rejected = await env.client.workflow.start(dogRegistrationWorkflow, { taskQueue, workflowId: 'dog-tax-registration-rejected', args: [{
      formId: 'dog-tax-registration', formVersion: 1,
      submission: { holder: notResident, dog: { name: 'Rex', breed: 'Mischling', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-10' } }] });
    await rejected.result();
    save('dog-tax-registration-rejected', await rejected.fetchHistory());
  }
  if (!['dog-tax-registration', 'dog-tax-deregistration', 'dog-tax-exemption'].some(wanted)) return;
  const registration = await env.client.workflow.start(dogRegistrationWorkflow, { taskQueue, workflowId: 'dog-tax-registration', args: [{
    formId: 'dog-tax-registration', formVersion: 1,
    submission: { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-10' } }] });
  await registration.executeUpdate(caseOpenedUpdate);
  const { tagNumber } = await registration.result();
  if (wanted('dog-tax-registration')) save('dog-tax-registration', await registration.fetchHistory());

  const exemption = await env.client.workflow.start(dogTaxExemptionWorkflow, { taskQueue, workflowId: 'dog-tax-exemption', args: [{
    formId: 'dog-tax-exemption', formVersion: 1, submission: { tagNumber: tagNumber!, holder, ground: 'assistance_dog', evidenceIds: ['att-1'] } }] });
  await exemption.executeUpdate(caseOpenedUpdate);
  await env.sleep('31 days');
  await exemption.executeUpdate(completeTaskUpdate, { args: [{ taskId: taskIdOf('dog-tax-exemption', 'exemption-decision'),
    decision: { outcome: 'granted', reason: 'Assistenzhund nachgewiesen' }, by: 'schulte' }] });
  await exemption.result();
  if (wanted('dog-tax-exemption')) save('dog-tax-exemption', await exemption.fetchHistory());

  const deregistration = await env.client.workflow.start(dogDeregistrationWorkflow, { taskQueue, workflowId: 'dog-tax-deregistration', args: [{
    formId: 'dog-tax-deregistration', formVersion: 1, submission: { tagNumber: tagNumber!, holder, reason: 'died', endedOn: '2026-06-12' } }] });
  await deregistration.result();
  if (wanted('dog-tax-deregistration')) save('dog-tax-deregistration', await deregistration.fetchHistory());
}
