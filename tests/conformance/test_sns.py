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
        self.topic = lab.create_topic()

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

    def test_publish_with_hundred_character_subject_is_invalid_parameter(self):
        self.sns.publish(TopicArn=self.topic, Subject="x" * 99, Message="x")
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sns.publish(TopicArn=self.topic, Subject="x" * 100, Message="x")

        self.assertEqual("InvalidParameter", caught.exception.response["Error"]["Code"])
        self.assertEqual(1, len(lab.state()["messages"]))

    def test_publish_with_line_break_in_subject_is_invalid_parameter(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sns.publish(TopicArn=self.topic, Subject="DR failover\ncompleted", Message="x")

        self.assertEqual("InvalidParameter", caught.exception.response["Error"]["Code"])

    def test_publish_message_over_256_kb_is_invalid_parameter(self):
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            self.sns.publish(TopicArn=self.topic, Message="x" * 262_145)

        self.assertEqual("InvalidParameter", caught.exception.response["Error"]["Code"])

    def test_create_topic_is_regional_idempotent_and_keeps_the_kms_key(self):
        key = "arn:aws:kms:ap-northeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
        arn = lab.create_topic(name="encrypted", attributes={"KmsMasterKeyId": key})

        self.assertEqual(arn, lab.create_topic(name="encrypted", attributes={"KmsMasterKeyId": key}))
        self.assertEqual(f"arn:aws:sns:{lab.env()['AWS_REGION']}:111122223333:encrypted", arn)
        with self.assertRaises(botocore.exceptions.ClientError) as caught:
            lab.create_topic(name="encrypted", attributes={"KmsMasterKeyId": "alias/other"})
        self.assertEqual("InvalidParameter", caught.exception.response["Error"]["Code"])
        with self.assertRaises(botocore.exceptions.ClientError) as other_region:
            lab.client("sns", region=lab.env()["DR_PRIMARY_REGION"]).publish(TopicArn=arn, Message="x")
        self.assertEqual("NotFound", other_region.exception.response["Error"]["Code"])

    def test_awscli_publish(self):
        response = lab.aws_cli("sns", "publish", "--topic-arn", self.topic, "--message", "from the cli", "--subject", "cli")

        self.assertEqual(response["MessageId"], lab.state()["messages"][0]["messageId"])

    def test_awscli_publish_to_unknown_topic_fails(self):
        with self.assertRaises(subprocess.CalledProcessError) as caught:
            lab.aws_cli("sns", "publish", "--topic-arn", self.topic + "-missing", "--message", "x")

        self.assertIn("NotFound", caught.exception.stderr)


if __name__ == "__main__":
    unittest.main()
