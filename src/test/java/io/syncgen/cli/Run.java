package io.syncgen.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, as tests see it.
 *
 * @param exitCode what {@link Main#run} returned
 * @param out everything written to stdout
 * @param err everything written to stderr
 */
public record Run(int exitCode, String out, String err) {
  /** Runs {@code syncgen args...} in this JVM, capturing stdout and stderr. */
  public static Run of(String... args) {
    return capture((out, err) -> Main.run(out, err, args));
  }

  /** Runs {@code command} with writers for stdout and stderr; it returns the exit code. */
  static Run capture(java.util.function.ToIntBiFunction<PrintWriter, PrintWriter> command) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = command.applyAsInt(o, e);
    }
    return new Run(code, out.toString(), err.toString());
  }
}
