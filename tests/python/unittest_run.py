"""unittest (CPython's, shipped): a TestCase with passing, failing, erroring, skipped and
sub-tests, run through TextTestRunner; the signal module's recorded handlers."""
import unittest

class T(unittest.TestCase):
    def setUp(self):
        self.x = [1, 2, 3]
    def test_ok(self):
        self.assertEqual(sum(self.x), 6)
        self.assertIn(2, self.x)
        self.assertTrue(self.x)
    def test_fail(self):
        self.assertEqual(self.x, [1, 2, 4])
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, "invalid literal", int, "x")
    def test_error(self):
        {}["missing"]
    @unittest.skip("not now")
    def test_skipped(self):
        pass
    def test_sub(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertCountEqual([1, 2, 2], [2, 1, 2])

if __name__ == "__main__":
    import io, re
    buf = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
    result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
    print(re.sub(r"in \d+\.\d+s", "in TIME", buf.getvalue().replace(__file__, "unittest_run.py")))
    print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), result.wasSuccessful())
    import signal
    print(signal.SIGINT, repr(signal.SIGTERM), signal.getsignal(signal.SIGINT) is signal.default_int_handler,
          signal.signal(signal.SIGUSR1, lambda s, f: None), signal.getsignal(10) is not None, signal.strsignal(15))
