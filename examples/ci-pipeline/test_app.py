"""Unit tests the pipeline runs inside the freshly built image, before anything is pushed."""
import unittest

from app import greeting


class GreetingTest(unittest.TestCase):
    def test_names_the_version(self):
        self.assertEqual(greeting("1.2.3"), "hello from the pipeline, version 1.2.3\n")


if __name__ == "__main__":
    unittest.main()
