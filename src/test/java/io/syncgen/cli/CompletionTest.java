package io.syncgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.descriptor.MigrationTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.AutoComplete;

/**
 * Shell completion: the committed {@code cli/completion/syncgen.bash} and {@code _syncgen} are
 * picocli's script for today's command line (regenerated here from {@link Main#commandLine}; {@code
 * -Dgolden.update=true} rewrites them), the hidden {@code generate-completion} command prints the
 * same script, and bash, sourcing the committed file, completes commands and {@code --tool} values.
 */
class CompletionTest {
  private static final Path BASH = Path.of("cli/completion/syncgen.bash");
  private static final Path ZSH = Path.of("cli/completion/_syncgen");

  @TempDir Path tmp;

  private static final String BASH_HEADER =
      """
      # Bash completion for syncgen: picocli's AutoComplete script for the syncgen command line.
      # Generated: CompletionTest fails when it is stale; mvn test -Dgolden.update=true rewrites it.
      # Load it from ~/.bashrc:
      #   source /path/to/syncgen/cli/completion/syncgen.bash
      # or let bash-completion load it on demand:
      #   cp cli/completion/syncgen.bash ~/.local/share/bash-completion/completions/syncgen
      """;

  private static final String ZSH_HEADER =
      """
      # Zsh completion for syncgen: the same picocli script as syncgen.bash, which turns on zsh's
      # bashcompinit (and compinit, when no completion system is loaded yet) by itself.
      # Generated: CompletionTest fails when it is stale; mvn test -Dgolden.update=true rewrites it.
      # Load it from ~/.zshrc:
      #   source /path/to/syncgen/cli/completion/_syncgen
      # It is sourced, not autoloaded: do not put it on $fpath.
      """;

  /** picocli's script for the command line as {@link Main} builds it. */
  private static String script() {
    StringWriter sink = new StringWriter();
    PrintWriter writer = new PrintWriter(sink);
    return AutoComplete.bash("syncgen", Main.commandLine(new SyncgenCommand(), writer, writer));
  }

  /** The script with a header after its {@code #!} line, ending with one line break. */
  private static String withHeader(String header, String script) {
    int firstLine = script.indexOf('\n') + 1;
    return script.substring(0, firstLine)
        + header
        + script.substring(firstLine).stripTrailing()
        + "\n";
  }

  @Test
  void committedBashScriptIsCurrent() throws IOException {
    check(BASH, withHeader(BASH_HEADER, script()));
  }

  @Test
  void committedZshScriptIsCurrent() throws IOException {
    check(ZSH, withHeader(ZSH_HEADER, script()));
  }

  private static void check(Path file, String expected) throws IOException {
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is stale: rewrite it with mvn test -Dgolden.update=true", file)
        .isEqualTo(expected);
  }

  // The tests below read the scripts as generated, which the two above compare with the
  // committed files (so they also pass while -Dgolden.update=true rewrites those).

  @Test
  void scriptStartsWithItsShebangAndCompletesTheSyncgenCommand() {
    String bash = withHeader(BASH_HEADER, script());
    assertThat(bash).startsWith("#!/usr/bin/env bash\n" + BASH_HEADER);
    assertThat(bash).contains("\ncomplete -F _complete_syncgen ");
    assertThat(withHeader(ZSH_HEADER, script()))
        .contains("autoload -U +X bashcompinit && bashcompinit");
  }

  @Test
  void generateCompletionPrintsTheSameScript() {
    Run run = Run.of("generate-completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().stripTrailing()).isEqualTo(script().stripTrailing());
  }

  @Test
  void generateCompletionIsHiddenFromTheHelp() {
    Run run = Run.of("--help");
    assertThat(run.out()).contains("  init ", "  schema ").doesNotContain("generate-completion");
  }

  @Test
  void bashCompletesCommandsAndToolNames() throws Exception {
    assertThat(complete("syncgen "))
        .containsExactly("render", "validate", "plan", "migrations", "cmp", "init", "schema");
    assertThat(complete("syncgen migrations ")).containsExactly("lint");
    assertThat(complete("syncgen migrations lint --phase ")).containsExactly("expand", "contract");
    assertThat(complete("syncgen sch")).containsExactly("schema");
    assertThat(complete("syncgen init --tool "))
        .containsExactlyElementsOf(
            Arrays.stream(MigrationTool.values()).map(MigrationTool::id).toList());
    assertThat(complete("syncgen init --tool s")).containsExactly("sequelize", "sqitch");
    assertThat(complete("syncgen init --tool ra")).containsExactly("rails");
    assertThat(complete("syncgen init --")).contains("--tool", "--name");
  }

  /** What bash completes for {@code line} (the cursor at its end), the script sourced. */
  private List<String> complete(String line) throws Exception {
    Path script = tmp.resolve("syncgen.bash");
    Files.writeString(script, withHeader(BASH_HEADER, script()), StandardCharsets.UTF_8);
    String program =
        "source \"$1\"\n"
            + "COMP_LINE=\"$2\"; COMP_POINT=${#COMP_LINE}\n"
            + "read -r -a COMP_WORDS <<< \"$2\"\n"
            + "[[ \"$2\" == *' ' ]] && COMP_WORDS+=('')\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "_complete_syncgen 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process bash;
    try {
      bash =
          new ProcessBuilder(
                  "bash", "--norc", "--noprofile", "-c", program, "test", script.toString(), line)
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("bash is not installed: " + e.getMessage());
      throw e;
    }
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.exitValue()).as("bash: %s", out).isZero();
    return out.lines().filter(l -> !l.isEmpty()).toList();
  }
}
