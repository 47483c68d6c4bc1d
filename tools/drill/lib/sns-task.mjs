// @ts-check
// The `arn:aws:states:::sns:publish` Task, published to the lab's SNS over the real wire protocol.
import { AwsError, xmlText } from './aws-client.mjs';
import { TaskError } from './errors.mjs';

export const SNS_PUBLISH_RESOURCE = 'arn:aws:states:::sns:publish';

/** The awsQuery parameters of SNS Publish for the Task's (already resolved) Parameters. */
export function publishParameters(input) {
  const parameters = { Action: 'Publish', Version: '2010-03-31' };
  for (const name of ['TopicArn', 'TargetArn', 'Subject', 'Message', 'MessageGroupId', 'MessageDeduplicationId']) {
    if (input[name] !== undefined) parameters[name] = String(input[name]);
  }
  Object.entries(input.MessageAttributes ?? {}).forEach(([name, value], index) => {
    const prefix = `MessageAttributes.entry.${index + 1}`;
    parameters[`${prefix}.Name`] = name;
    parameters[`${prefix}.Value.DataType`] = value.DataType;
    if (value.StringValue !== undefined) parameters[`${prefix}.Value.StringValue`] = value.StringValue;
    if (value.BinaryValue !== undefined) parameters[`${prefix}.Value.BinaryValue`] = value.BinaryValue;
  });
  return parameters;
}

/** The Region of an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME). */
export function regionOfTopic(topicArn) {
  const parts = String(topicArn ?? '').split(':');
  if (parts.length !== 6 || parts[2] !== 'sns') throw new TaskError('SNS.InvalidParameterException', `Invalid parameter: TopicArn '${topicArn}'`);
  return parts[3];
}

/**
 * Publishes and returns what Step Functions' sns:publish integration returns. A service error fails the Task
 * with `SNS.<Code>Exception` (matched by States.TaskFailed / States.ALL).
 */
export async function publish(client, input) {
  const region = regionOfTopic(input.TopicArn ?? input.TargetArn);
  try {
    const xml = await client.query('sns', region, publishParameters(input));
    return { MessageId: xmlText(xml, 'MessageId'), SdkResponseMetadata: { RequestId: xmlText(xml, 'RequestId') } };
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const code = error.code.endsWith('Exception') ? error.code : `${error.code}Exception`;
    throw new TaskError(`SNS.${code}`, `${error.message} (Service: Sns, Status Code: ${error.status ?? 'none'}, Request ID: ${error.requestId ?? 'none'})`);
  }
}
