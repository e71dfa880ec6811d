package io.syncgen.descriptor;

import static io.syncgen.descriptor.DescriptorLoaderTest.errors;
import static io.syncgen.descriptor.DescriptorLoaderTest.example;
import static io.syncgen.descriptor.DescriptorLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.syncgen.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code migration.contract}: its defaults, and each rule located where a user would fix it. The
 * example deploys {@code myapp/api:v1.2.0} with the django preset and a 300 s migration deadline;
 * the contract is written on line 17, after {@code tool}.
 */
class ContractRulesTest {
  private static final String TOOL = "    tool: django\n";
  private static final String DEADLINE = "    activeDeadlineSeconds: 300\n";
  private static final String ROOMY = "    activeDeadlineSeconds: 600\n";

  private static List<String> messages(String contract, String deadline, String... more) {
    String[] fromTo = new String[4 + more.length];
    fromTo[0] = TOOL;
    fromTo[1] = TOOL + contract;
    fromTo[2] = DEADLINE;
    fromTo[3] = deadline;
    System.arraycopy(more, 0, fromTo, 4, more.length);
    return errors(example(fromTo)).stream().map(Diagnostic::format).toList();
  }

  @Test
  void theTimeoutIsFiveMinutesByDefault() {
    ContractGate gate =
        parse(example(TOOL, TOOL + "    contract: {retires: [v1.1.0, v1.1.1]}\n", DEADLINE, ROOMY))
            .app()
            .spec()
            .migration()
            .contract();
    assertThat(gate.timeoutSeconds()).isEqualTo(300);
    assertThat(gate.retiredNames("myapp-api").stream().map(ApplicationName::toString))
        .containsExactly("myapp-api@v1.1.0", "myapp-api@v1.1.1");
  }

  @Test
  void theWaitMustEndBeforeTheJobsDeadline() {
    assertThat(messages("    contract: {retires: [v1.1.0]}\n", DEADLINE))
        .containsExactly(
            "app.yaml:17:15: error: spec.migration.contract.timeoutSeconds must be less than"
                + " spec.migration.activeDeadlineSeconds (300), or the Job's deadline ends the wait"
                + " first (got 300, the default); raise activeDeadlineSeconds to cover the wait and"
                + " the migration\n"
                + "    contract: {retires: [v1.1.0]}\n"
                + "              ^\n");
    assertThat(messages("    contract: {retires: [v1.1.0], timeoutSeconds: 900}\n", ROOMY))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith("app.yaml:17:51: error: spec.migration.contract.timeoutSeconds")
                    .contains("(600)")
                    .contains("(got 900)"));
  }

  @Test
  void eachRetiredVersionIsAnEarlierReleaseWithAWholeName() {
    String tooLong = "v" + "1".repeat(53);
    List<String> messages =
        messages("    contract:\n      retires: [v1.1.0, \"\", v1.2.0, " + tooLong + "]\n", ROOMY);
    assertThat(messages).hasSize(3);
    assertThat(messages.get(0))
        .startsWith(
            "app.yaml:18:25: error: spec.migration.contract.retires[1] must not be empty: it is a"
                + " release's version");
    assertThat(messages.get(1))
        .startsWith(
            "app.yaml:18:29: error: spec.migration.contract.retires[2] v1.2.0 is the release"
                + " spec.image deploys; the gate would wait for that release's own pods");
    assertThat(messages.get(2))
        .startsWith(
            "app.yaml:18:37: error: spec.migration.contract.retires[3] names sessions myapp-api@v1"
                + "1111")
        .contains("(64 characters), but PostgreSQL keeps the first 63 of an application_name");
    assertThat(messages("    contract: {retires: []}\n", ROOMY))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("contract.retires needs at least one version"));
    assertThat(messages("    contract: {retires: [1.4/1]}\n", ROOMY))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("retires[0] must be a label value"));
    assertThat(messages("    contract: {timeoutSeconds: 60}\n", ROOMY))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("spec.migration.contract.retires is required"));
  }

  @Test
  void psqlNeedsTheMigrationsUrlInAFormItReads() {
    String contract = "    contract: {retires: [v1.1.0]}\n";
    assertThat(messages(contract, ROOMY, "    tool: django\n", "    tool: flyway\n"))
        .singleElement()
        .isEqualTo(
            "app.yaml:17:15: error: spec.migration.contract runs psql with the URL in FLYWAY_URL,"
                + " which the flyway preset takes as"
                + " jdbc:postgresql://HOST:PORT/DATABASE?user=USER&password=PASSWORD, a form psql"
                + " cannot read; remove contract, or migrate with a tool that reads a postgres://"
                + " URL\n"
                + "    contract: {retires: [v1.1.0]}\n"
                + "              ^\n");
    assertThat(messages(contract, ROOMY, "    tool: django\n", "    tool: sqitch\n"))
        .singleElement()
        .satisfies(m -> assertThat(m).contains("URL in SQITCH_TARGET").contains("db:pg://"));
    String noUrl = "    urlFrom:\n      secretKeyRef: {name: db-credentials, key: url}\n";
    assertThat(messages(contract, ROOMY, noUrl, ""))
        .singleElement()
        .satisfies(
            m ->
                assertThat(m)
                    .startsWith(
                        "app.yaml:15:15: error: spec.migration.contract reads the database URL"
                            + " from spec.database.urlFrom, which is not set"));
  }

  @Test
  void aCommandOrAPresetWithALibpqUrlIsAccepted() {
    String contract = TOOL + "    contract: {retires: [v1.1.0]}\n";
    for (String tool : List.of("rails", "alembic", "knex", "prisma", "command")) {
      String written =
          tool.equals("command")
              ? "    tool: command\n    command: [migrate]\n    statusCommand: [check]\n"
              : "    tool: " + tool + "\n    lockTimeout: 0\n";
      assertThat(
              parse(example(TOOL, contract.replace(TOOL, written), DEADLINE, ROOMY))
                  .app()
                  .spec()
                  .migration()
                  .contract())
          .as(tool)
          .isNotNull();
    }
  }
}
