package io.syncgen.descriptor;

import java.util.List;

/**
 * Where a migration's SQL is, for {@code syncgen migrations lint app.yaml}: the PreSync migration's
 * is checked as expand (it runs before the new code), the post-deployment one's as contract (it
 * runs once no old code does).
 *
 * @param paths SQL files or directories, relative to the descriptor's folder
 */
public record MigrationSql(
    @Field(
            doc =
                "SQL files or directories (Flyway `V*__*.sql`, golang-migrate `*.up.sql`, goose,"
                    + " dbmate, Sqitch `deploy/`, Django `sqlmigrate` output), relative to the"
                    + " descriptor's folder; the file kinds are told apart by their names and"
                    + " markers.")
        List<String> paths) {}
