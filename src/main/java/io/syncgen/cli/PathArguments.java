package io.syncgen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Path arguments of {@code validate} and {@code plan}: one that does not exist is a usage error.
 */
final class PathArguments {
  private PathArguments() {}

  /**
   * Checks that every path exists.
   *
   * @throws ParameterException (exit 2) naming the first that does not
   */
  static List<Path> requireExisting(CommandLine commandLine, List<Path> paths) {
    for (Path path : paths) {
      if (!Files.exists(path)) {
        throw new ParameterException(commandLine, "no such file or directory: " + path);
      }
    }
    return paths;
  }
}
