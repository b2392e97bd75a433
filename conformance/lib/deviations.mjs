// Where the engine differs from graphql-js by design, the expected response is graphql-js's,
// adjusted here in one place so every deviation is explicit and still checked exactly.
import { OperationTypeNode, getOperationAST } from 'graphql';

// The engine executes query operations only: its services are read-only. A mutation that gets as
// far as execution (a known operation, valid variables) is answered with this error instead.
export const readOnlyMessage = 'Only query operations are supported; this service is read-only.';

export function applyDeviations(document, entry, response) {
  const operation = getOperationAST(document, entry.operationName);
  const reachedExecution = response && 'data' in response;
  if (operation?.operation === OperationTypeNode.MUTATION && reachedExecution) {
    return {
      errors: [{ message: readOnlyMessage, locations: [operationLocation(operation)] }],
      data: null,
    };
  }
  return response;
}

function operationLocation(operation) {
  const { line, column } = operation.loc.startToken;
  return { line, column };
}
