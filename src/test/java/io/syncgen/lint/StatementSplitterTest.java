package io.syncgen.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link StatementSplitter}, with the cases psql itself was checked on. */
class StatementSplitterTest {
  private static List<String> texts(String sql) {
    return StatementSplitter.split(sql).stream().map(SqlStatement::text).toList();
  }

  @Test
  void semicolonsEndStatementsAndPositionsAreThoseOfTheFirstToken() {
    assertThat(StatementSplitter.split("SELECT 1;\n  SELECT 2 ;\tSELECT 3"))
        .containsExactly(
            new SqlStatement("SELECT 1", 1, 1, 0, true),
            new SqlStatement("SELECT 2", 2, 3, 12, true),
            new SqlStatement("SELECT 3", 2, 14, 23, false));
  }

  @Test
  void lineCommentsRunToTheEndOfTheLine() {
    assertThat(texts("SELECT 1 -- it's; \"odd\n, 2; -- done;\nSELECT 3;"))
        .containsExactly("SELECT 1 -- it's; \"odd\n, 2", "SELECT 3");
  }

  @Test
  void blockCommentsNestAndHideQuotes() {
    assertThat(texts("/* a /* b; */ it's; */ SELECT /* \"x */ 1; SELECT 2 /* ; */;"))
        .containsExactly("SELECT /* \"x */ 1", "SELECT 2 /* ; */");
    assertThat(texts("SELECT 1 /**/; SELECT 2 /* /*/ ; */ ; */; SELECT 3 /*/ ; */;"))
        .as("inside a comment /*/ opens a nested one; at its start it is /* and a slash")
        .containsExactly("SELECT 1 /**/", "SELECT 2 /* /*/ ; */ ; */", "SELECT 3 /*/ ; */");
  }

  @Test
  void leadingCommentsAreNotPartOfTheTextButCommentsInsideAndBeforeTheSemicolonAre() {
    assertThat(StatementSplitter.split("-- header\n/* c */ SELECT 1 -- why\n/* end */ ;"))
        .containsExactly(new SqlStatement("SELECT 1 -- why\n/* end */", 2, 9, 18, true));
  }

  @Test
  void plainStringsDoubleTheirQuotesAndTakeBackslashesLiterally() {
    assertThat(texts("SELECT 'it''s; ok'; SELECT 'C:\\'; SELECT 3;"))
        .containsExactly("SELECT 'it''s; ok'", "SELECT 'C:\\'", "SELECT 3");
  }

  @Test
  void escapeStringsTakeBackslashEscapes() {
    assertThat(texts("SELECT E'it\\'s; ok'; SELECT e'\\\\'; SELECT E'\\''; SELECT 4;"))
        .containsExactly("SELECT E'it\\'s; ok'", "SELECT e'\\\\'", "SELECT E'\\''", "SELECT 4");
    assertThat(texts("SELECT somee'\\'; SELECT 2;"))
        .as("an E inside an identifier does not start an escape string")
        .containsExactly("SELECT somee'\\'", "SELECT 2");
  }

  @Test
  void prefixedStringsAndQuotedIdentifiers() {
    String sql =
        "SELECT U&'d\\0061t;a' UESCAPE '\\'; SELECT B'1;0', X'1F;', N'n;';"
            + " SELECT \"a;\"\"b\", U&\"c;d\"; SELECT 4;";
    assertThat(texts(sql))
        .containsExactly(
            "SELECT U&'d\\0061t;a' UESCAPE '\\'",
            "SELECT B'1;0', X'1F;', N'n;'",
            "SELECT \"a;\"\"b\", U&\"c;d\"",
            "SELECT 4");
  }

  @Test
  void dollarQuotesHideSemicolonsAndOtherTags() {
    String sql =
        "DO $$ BEGIN PERFORM 1; END $$;\n"
            + "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$\n"
            + "BEGIN\n  EXECUTE $q$SELECT ';'$q$; RETURN $$x;$$;\nEND;\n$fn$;\n"
            + "SELECT $_1$;$_1$, $Ä$;$Ä$;";
    assertThat(texts(sql))
        .containsExactly(
            "DO $$ BEGIN PERFORM 1; END $$",
            "CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$\n"
                + "BEGIN\n  EXECUTE $q$SELECT ';'$q$; RETURN $$x;$$;\nEND;\n$fn$",
            "SELECT $_1$;$_1$, $Ä$;$Ä$");
  }

  @Test
  void parametersAndIdentifiersWithDollarsAreNotDollarQuotes() {
    assertThat(texts("SELECT $1; SELECT a$b$; SELECT foo$$; SELECT $1abc$; SELECT $x; SELECT 6;"))
        .containsExactly(
            "SELECT $1", "SELECT a$b$", "SELECT foo$$", "SELECT $1abc$", "SELECT $x", "SELECT 6");
    assertThat(texts("SELECT 1e'\\'; SELECT 0x1F'\\'; SELECT 3;"))
        .as("a number takes the letters after it (psql 15's {integer_junk}): no E'...' here")
        .containsExactly("SELECT 1e'\\'", "SELECT 0x1F'\\'", "SELECT 3");
    assertThat(texts("SELECT 1$$;$$; SELECT 2;"))
        .as("a number does not take the $ that follows it (checked with psql 15)")
        .containsExactly("SELECT 1$$;$$", "SELECT 2");
  }

  @Test
  void semicolonsInsideParenthesesDoNotEndAStatement() {
    String rule =
        "CREATE RULE log AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); DELETE FROM b)";
    assertThat(texts(rule + ";\nSELECT (1;\n2));\nSELECT 3;"))
        .containsExactly(rule, "SELECT (1;\n2))", "SELECT 3");
  }

  @Test
  void sqlStandardFunctionBodiesStayWhole() {
    String function =
        "CREATE FUNCTION f(begin int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n"
            + "  SELECT CASE WHEN x > 0 THEN 1 END FROM t;\nEND";
    String procedure =
        "create or replace procedure p() language sql begin atomic insert into t values (1); end";
    assertThat(texts(function + ";\n" + procedure + ";\nBEGIN;\nCREATE TABLE begin (x int);"))
        .containsExactly(function, procedure, "BEGIN", "CREATE TABLE begin (x int)");
  }

  @Test
  void keywordsAreComparedInAsciiOnlyAndQuotedOnesDoNotCount() {
    assertThat(texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGİN ATOMIC SELECT 1; END;"))
        .as("BEGİN is not BEGIN for pg_strcasecmp, whatever the JVM's locale")
        .containsExactly(
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGİN ATOMIC SELECT 1", "END");
    assertThat(texts("CREATE FUNCTION f() RETURNS int LANGUAGE sql \"begin\" 1; SELECT 2;"))
        .containsExactly("CREATE FUNCTION f() RETURNS int LANGUAGE sql \"begin\" 1", "SELECT 2");
  }

  @Test
  void metaCommandsAreStatementsOfTheirOwn() {
    String sql =
        "\\set ON_ERROR_STOP on\nCREATE TABLE t (x text DEFAULT '\\x');\n"
            + "  \\connect other \r\nSELECT 1; \\echo done";
    assertThat(StatementSplitter.split(sql))
        .containsExactly(
            new SqlStatement("\\set ON_ERROR_STOP on", 1, 1, 0, true),
            new SqlStatement("CREATE TABLE t (x text DEFAULT '\\x')", 2, 1, 22, true),
            new SqlStatement("\\connect other", 3, 3, 62, true),
            new SqlStatement("SELECT 1", 4, 1, 79, true),
            new SqlStatement("\\echo done", 4, 11, 89, true));
  }

  @Test
  void aMetaCommandInsideAStatementCutsIt() {
    assertThat(StatementSplitter.split("SELECT 1 AS x \\gset\nSELECT 2\n\\echo hi\n;"))
        .containsExactly(
            new SqlStatement("SELECT 1 AS x", 1, 1, 0, true),
            new SqlStatement("\\gset", 1, 15, 14, true),
            new SqlStatement("SELECT 2", 2, 1, 20, false),
            new SqlStatement("\\echo hi", 3, 1, 29, true));
  }

  @Test
  void forcedSemicolonsStayInTheStatement() {
    assertThat(texts("SELECT 4 \\; SELECT 5; SELECT a\\:b;"))
        .containsExactly("SELECT 4 \\; SELECT 5", "SELECT a\\:b");
  }

  @Test
  void statementsOfOnlyWhitespaceAndCommentsAreDropped() {
    assertThat(texts(";\n ; ;; /* c */ ; -- x\n;")).isEmpty();
    assertThat(texts("-- only a comment\n/* and another */\n")).isEmpty();
    assertThat(texts("/* never closed; SELECT 1;")).isEmpty();
    assertThat(texts("")).isEmpty();
  }

  @Test
  void aByteOrderMarkIsSkipped() {
    assertThat(StatementSplitter.split("\uFEFFSELECT 1;\uFEFF"))
        .containsExactly(
            new SqlStatement("SELECT 1", 1, 1, 1, true),
            new SqlStatement("\uFEFF", 1, 10, 10, false));
  }

  @Test
  void crlfLineEndsCountAsOneLineBreakAndAreKeptInside() {
    assertThat(StatementSplitter.split("SELECT 'a\r\nb'\r\n;\r\n\r\n  SELECT 2;\r\n\rSELECT 3\r\n"))
        .containsExactly(
            new SqlStatement("SELECT 'a\r\nb'", 1, 1, 0, true),
            new SqlStatement("SELECT 2", 5, 3, 22, true),
            new SqlStatement("SELECT 3", 7, 1, 34, false));
  }

  @Test
  void positionsAfterMultiLineStringsCommentsAndDollarQuotes() {
    String sql =
        "SELECT 'one\ntwo';\n/* a\n b */ SELECT $$\n;\n$$;\n\tSELECT E'\\\n';"
            + " SELECT \"😀\", 1; SELECT 2;";
    assertThat(StatementSplitter.split(sql))
        .extracting(s -> s.line() + ":" + s.column() + "@" + s.offset())
        .containsExactly("1:1@0", "4:7@29", "7:2@46", "8:4@60", "8:20@76");
  }

  @Test
  void unterminatedTextRunsToTheEndOfTheInput() {
    assertThat(StatementSplitter.split("SELECT 1; SELECT 'open; SELECT 3;  "))
        .extracting(SqlStatement::text, SqlStatement::terminated)
        .containsExactly(tuple("SELECT 1", true), tuple("SELECT 'open; SELECT 3;", false));
    assertThat(StatementSplitter.split("DO $x$ BEGIN; END $y$; SELECT 1;").get(0).terminated())
        .isFalse();
    assertThat(StatementSplitter.split("SELECT 1 /* oops; SELECT 2;").get(0).terminated())
        .isFalse();
    assertThat(StatementSplitter.split("SELECT \"x; SELECT 2;")).hasSize(1);
  }

  @Test
  void stringsContinueAcrossACarriageReturnButNotAcrossALineFeed() {
    assertThat(texts("SELECT E'a'\n'\\'; b'; SELECT 2;"))
        .as("psql reads lines: the LF is never seen, so the second string is a plain one")
        .containsExactly("SELECT E'a'\n'\\'", "b'; SELECT 2;");
    assertThat(texts("SELECT E'a' -- c\r  '\\'; b'; SELECT 2;"))
        .as("a CR inside a line continues the escape string")
        .containsExactly("SELECT E'a' -- c\r  '\\'; b'", "SELECT 2");
    assertThat(texts("SELECT E'a'\n\n \r'\\'; b'; SELECT 3;"))
        .as("a quote that ends its line looks on at the next non-empty one, as psql 15 does")
        .containsExactly("SELECT E'a'\n\n \r'\\'; b'", "SELECT 3");
  }
}
