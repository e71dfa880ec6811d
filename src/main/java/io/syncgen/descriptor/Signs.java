package io.syncgen.descriptor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Output lines that several migration tools share, as shell patterns for {@link StatusOutput}: what
 * their database drivers print when the database cannot be reached, measured against PostgreSQL 15
 * with the server down, on a port where none listens, and with a database that does not exist
 * (PresetSuiteIT).
 */
final class Signs {
  /** libpq's messages (psycopg2, the pg gem, DBD::Pg, psql). */
  static final List<String> LIBPQ_UNREACHABLE =
      List.of(
          "*Connection refused*",
          "*could not connect to server*",
          "*could not translate host name*",
          "*Is the server running on that host and accepting TCP/IP connections?*",
          "*timeout expired*",
          "*FATAL:  database \"*\" does not exist*");

  /** node-postgres's: Node's socket error codes, and the server's refusal of the database. */
  static final List<String> NODE_UNREACHABLE =
      List.of(
          "*ECONNREFUSED*",
          "*ENOTFOUND*",
          "*EAI_AGAIN*",
          "*ETIMEDOUT*",
          "*EHOSTUNREACH*",
          "*database \"*\" does not exist*");

  /** The PostgreSQL JDBC driver's (pgjdbc), as Flyway and Liquibase print them. */
  static final List<String> JDBC_UNREACHABLE =
      List.of(
          "*Connection to * refused*",
          "*ConnectException*",
          "*UnknownHostException*",
          "*SocketTimeoutException*",
          "*NoRouteToHostException*",
          "*FATAL: database \"*\" does not exist*");

  /** Python's traceback header: an error that is not the database's. */
  static final String TRACEBACK = "Traceback (most recent call last):";

  private Signs() {}

  /** {@code base} followed by {@code more}. */
  static List<String> with(List<String> base, String... more) {
    List<String> all = new ArrayList<>(base);
    Collections.addAll(all, more);
    return List.copyOf(all);
  }
}
