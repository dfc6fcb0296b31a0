// Every workflow type the worker hosts; the bundle's entry point.
export { parkingTicketWorkflow } from './parking-ticket/workflow';
