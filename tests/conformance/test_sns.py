"""SNS (awsQuery) against the lab with boto3 and awscli: Publish keeps every message."""

import subprocess
import unittest

import botocore.exceptions

import drlab_harness as lab


def setUpModule():
    lab.start_lab()


def tearDownModule():
    lab.stop_lab()


class SnsConformance(unittest.TestCase):
    def setUp(self):
        lab.reset()
        self.sns = lab.client("sns")
        self.topic = lab.ready()["topicArns"][lab.env()["AWS_REGION"]]

    def test_publish_returns_message_id_and_lab_keeps_message_with_attributes(self):
        response = self.sns.publish(TopicArn=self.topic, Subject="DR failover completed", Message="writer is now nrt",
                                    MessageAttributes={"incidentId": {"DataType": "String", "StringValue": "dr-1"}})

        messages = lab.state()["messages"]
        self.assertEqual([response["MessageId"]], [m["messageId"] for m in messages])
        self.assertEqual("DR failover completed", messages[0]["subject"])
        self.assertEqual("writer is now nrt", messages[0]["message"])
        self.assertEqual({"incidentId": "dr-1"}, messages[0]["attributes"])

    def test_publish_to_unknown_topic_is_not_found(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sns.publish(TopicArn=self.topic + "-missing", Message="x")

        self.assertEqual("NotFound", caught.exception.response["Error"]["Code"])
        self.assertEqual([], lab.state()["messages"])

    def test_publish_with_overlong_subject_is_invalid_parameter(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sns.publish(TopicArn=self.topic, Subject="x" * 101, Message="x")

        self.assertEqual("InvalidParameter", caught.exception.response["Error"]["Code"])

    def test_awscli_publish(self):
        response = lab.aws_cli("sns", "publish", "--topic-arn", self.topic, "--message", "from the cli", "--subject", "cli")

        self.assertEqual(response["MessageId"], lab.state()["messages"][0]["messageId"])

    def test_awscli_publish_to_unknown_topic_fails(self):
        with self.assertRaises(subprocess.CalledProcessError) as caught:
            lab.aws_cli("sns", "publish", "--topic-arn", self.topic + "-missing", "--message", "x")

        self.assertIn("NotFound", caught.exception.stderr)


if __name__ == "__main__":
    unittest.main()
