package io.syncgen.diagnostic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reads input files as UTF-8 text and words YAML syntax errors, the same way for every command. */
public final class TextInput {
  private TextInput() {}

  /**
   * Reads a whole file as strict UTF-8, dropping a leading byte-order mark. Reads at most {@code
   * maxBytes + 1} bytes whatever the file is (a device such as {@code /dev/zero}, a pipe, a sparse
   * file), never trusting the size the file system reports.
   *
   * @param path the file
   * @param displayName the name to print in findings
   * @param what what the file is, for messages ("descriptor", "manifest")
   * @param maxBytes the largest size accepted, in bytes; less than {@link Integer#MAX_VALUE}
   * @return the text
   * @throws DiagnosticException when the file is missing, a directory, unreadable, larger than
   *     {@code maxBytes} or not UTF-8
   */
  public static String read(Path path, String displayName, String what, int maxBytes)
      throws DiagnosticException {
    Location whole = Location.ofFile(displayName);
    try {
      if (Files.isDirectory(path)) {
        throw new DiagnosticException(
            Diagnostic.error(whole, "is a directory; name the " + what + " file"));
      }
      byte[] bytes = head(path, maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw new DiagnosticException(
            Diagnostic.error(whole, "is larger than " + maxBytes + " bytes"));
      }
      return text(bytes);
    } catch (CharacterCodingException e) {
      throw new DiagnosticException(Diagnostic.error(whole, "is not valid UTF-8 text"));
    } catch (IOException e) {
      throw new DiagnosticException(
          Diagnostic.error(whole, "cannot read " + what + ": " + IoProblem.words(e)));
    }
  }

  /**
   * The first bytes of a file, read as a stream: never more than {@code maxBytes}, whatever the
   * file is.
   *
   * @param path the file
   * @param maxBytes how many bytes to read at most
   * @return the bytes, all of the file when it is shorter
   * @throws IOException when the file cannot be opened or read
   */
  public static byte[] head(Path path, int maxBytes) throws IOException {
    try (InputStream in = Files.newInputStream(path)) {
      return in.readNBytes(maxBytes);
    }
  }

  /**
   * Decodes a file's bytes as strict UTF-8 text, dropping a leading byte-order mark.
   *
   * @param bytes the bytes
   * @return the text
   * @throws CharacterCodingException when the bytes are not valid UTF-8
   */
  public static String text(byte[] bytes) throws CharacterCodingException {
    String text = strictUtf8(bytes);
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Decodes bytes as UTF-8, refusing malformed input instead of replacing it.
   *
   * @param bytes the bytes
   * @return the text
   * @throws CharacterCodingException when the bytes are not valid UTF-8
   */
  public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Words a SnakeYAML syntax error as one located diagnostic: the problem, and where the enclosing
   * construct started.
   *
   * @param file the file the error is in
   * @param e the error
   * @return an error at the problem's position
   */
  public static Diagnostic yamlSyntax(SourceFile file, MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    String context = "";
    if (e.getContext() != null && e.getContextMark() != null) {
      Location start = file.at(e.getContextMark());
      context =
          " ("
              + e.getContext()
              + " that starts at line "
              + start.line()
              + ", column "
              + start.column()
              + ")";
    } else if (e.getContext() != null) {
      context = " (" + e.getContext() + ")";
    }
    return Diagnostic.error(file.at(e.getProblemMark()), "YAML syntax error: " + problem + context);
  }
}
