package io.syncgen.descriptor;

import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The commented starter descriptor {@code syncgen init} writes: one app with a migration preset,
 * and a worker process left commented out. It renders and validates as written, and still does once
 * the worker lines are uncommented.
 */
public final class StarterDescriptor {
  /** The first line of every starter: the YAML language server's schema association. */
  public static final String SCHEMA_LINE =
      "# yaml-language-server: $schema=" + DescriptorSchema.URL;

  /**
   * The descriptor after {@link #SCHEMA_LINE}; {@code {app}} is the quoted-if-needed name, {@code
   * {name}} the bare name, {@code {migration}} the tool's lines, {@code {worker}} the worker's
   * command.
   */
  private static final String TEMPLATE =
      """
      # A syncgen app descriptor. `syncgen render` turns it into the Argo CD manifests that
      # migrate the database in a PreSync hook Job before the app rolls out, then check the
      # rollout in a PostSync hook Job. Your editor shows what each field does and its default
      # (from the schema named on the first line; `syncgen schema` prints it).
      apiVersion: syncgen/v1
      kind: App
      metadata:
        # The Deployment and Service take this name; the Jobs add -db-migrate,
        # -post-deploy-check and -sync-fail-alert.
        name: {app}
        # Remove it to use the namespace of the Argo CD Application's destination.
        namespace: {app}
      spec:
        # The app's image. The migration and its status check run this very reference; pin a tag.
        image: registry.example.com/{name}:1.0.0
        replicas: 2
        # The TCP port the app listens on; the Service exposes the same port.
        port: 8080
        # Answers 2xx when the app is ready (readiness probe and PostSync check); remove it for
        # a TCP probe.
        healthPath: /healthz
        resources:
          requests: {cpu: 100m, memory: 256Mi}
          limits: {memory: 512Mi}
        database:
          # The Secret key holding the database URL, set as {url}. The Secret must exist
          # before the sync: the migration runs before anything else of the app is applied.
          urlFrom:
            secretKeyRef: {name: {name}-db, key: url}
          # Wait until the database accepts connections before migrating; remove it not to wait.
          waitFor: {host: postgres.{name}.svc, port: 5432}
        migration:
      {migration}
          # Retries of a failed migration: 0, so a half-applied migration is not retried blindly.
          backoffLimit: 0
          activeDeadlineSeconds: 300
          resources:
            requests: {cpu: 100m, memory: 256Mi}
            limits: {memory: 512Mi}
        # Uncomment to run another long-running process from the same image: a Deployment
        # {name}-worker at wave 0, after the migration, with the app's tag, env and database
        # connection. Add `port` to give it a Service, or `schedule` (cron) to make it a CronJob.
        # processes:
        #   worker:
      {worker}
        #     replicas: 1
        #     resources:
        #       requests: {cpu: 100m, memory: 256Mi}
        #       limits: {memory: 512Mi}
        # Uncomment to POST an alert to a webhook (its URL in a Secret) when a sync fails.
        # syncFail:
        #   webhook:
        #     urlFrom:
        #       secretKeyRef: {name: alerts, key: webhook-url}
      """;

  /** The migration lines of {@code --tool command}: placeholders that render as they are. */
  private static final String COMMAND_MIGRATION =
      """
      tool: command
      # Placeholders to replace: the argv that applies migrations, run in the app's image
      # without a shell,
      command: [./bin/migrate, up]
      # and the argv that exits non-zero while migrations are unapplied (the PostSync check
      # runs it; remove it to skip that check).
      statusCommand: [./bin/migrate, status]
      """;

  private StarterDescriptor() {}

  /**
   * The starter descriptor for {@code tool} and {@code name}, first line {@link #SCHEMA_LINE},
   * ending with a newline.
   *
   * @param name a name that passes the descriptor's format for {@code metadata.name}; the caller
   *     checks it (the text is not parsed here)
   */
  public static String text(MigrationTool tool, String name) {
    String migration = tool == MigrationTool.COMMAND ? COMMAND_MIGRATION : presetLines(tool);
    migration = migration.lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
    return SCHEMA_LINE
        + "\n"
        + TEMPLATE
            .replace("{migration}", migration)
            .replace("{worker}", worker(tool))
            .replace("{url}", tool.preset().connection().variable())
            .replace("{app}", scalar(name))
            .replace("{name}", name);
  }

  /** The migration lines of a preset: what it runs, and what the user must add. */
  private static String presetLines(MigrationTool tool) {
    List<String> status = tool.statusCommand();
    String lines =
        "# Migrates with `"
            + String.join(" ", tool.migrateCommand())
            + (status.isEmpty()
                ? "`; the tool has no status command: add\n# statusCommand for the PostSync check."
                : "`; the PostSync check runs\n# `" + String.join(" ", status) + "`.")
            + "\ntool: "
            + tool.id();
    if (tool.preset().sessionOptions() == Preset.SessionOptions.URL) {
      lines +=
          "\n# "
              + tool.id()
              + " reads no PGOPTIONS: set lock_timeout on the migration's database role\n"
              + "# (ALTER ROLE ... SET lock_timeout = '5s').\nlockTimeout: 0";
    }
    return lines;
  }

  /**
   * The worker's lines, commented and indented: its argv and a readiness probe that passes once it
   * takes jobs. Django gets Celery with the ping Apache Airflow's chart gives its Celery workers
   * (chart/templates/workers/worker-deployment.yaml); Rails gets Sidekiq with a file touched at
   * start-up, as Mastodon's chart probes it; {@code command} gets placeholders.
   */
  private static String worker(MigrationTool tool) {
    String lines =
        switch (tool) {
          case DJANGO ->
              """
              command: [celery, -A, {app}, worker, --loglevel=INFO]
              # Ready once this pod's worker answers a ping over the broker.
              readinessProbe:
                exec:
                  command: [sh, -c, 'celery -A {app} inspect ping -d "celery@$HOSTNAME"']
                timeoutSeconds: 10
                periodSeconds: 30
              """;
          case RAILS ->
              """
              command: [bundle, exec, sidekiq]
              # Ready once Sidekiq has started: touch the file in config/initializers/sidekiq.rb
              # with `config.on(:startup) { FileUtils.touch("tmp/sidekiq_started") }`.
              readinessProbe:
                exec:
                  command: [cat, tmp/sidekiq_started]
              """;
          default ->
              """
              # Placeholders to replace: the worker's argv, and one that exits 0 once it takes jobs.
              command: [./bin/worker]
              readinessProbe:
                exec:
                  command: [./bin/worker, --ready]
              """;
        };
    return lines.lines().map(line -> "  #     " + line).collect(Collectors.joining("\n"));
  }

  /**
   * A plain scalar when YAML 1.1 reads it as that string, else a quoted one ({@code "true"}). The
   * resolver is made here, not at class load: every syncgen run loads this class.
   */
  private static String scalar(String text) {
    return new Resolver().resolve(NodeId.scalar, text, true).equals(Tag.STR)
        ? text
        : '"' + text + '"';
  }
}
