package io.syncgen.lint;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TCP relay between a client such as psql and a PostgreSQL server that records the text of every
 * simple-protocol Query message ({@code 'Q'}) the server receives: exactly what PostgreSQL was
 * asked to run, with no log format to parse. It reads the frontend/backend protocol version 3: the
 * untyped startup packets (an SSL or GSS encryption request is passed on, and the client must be
 * told not to use either, as {@code PGSSLMODE=disable} and {@code PGGSSENCMODE=disable} do), then
 * typed messages (a type byte, a 32-bit length counting itself, the body). Server-to-client bytes
 * are passed on untouched. A query is recorded before it is passed on, so every query a client saw
 * answered is recorded when the client exits.
 */
final class QueryCapture implements AutoCloseable {
  private static final int SSL_REQUEST = 80877103;
  private static final int GSSENC_REQUEST = 80877104;

  private final ServerSocket listener;
  private final int serverPort;
  private final List<String> queries = new ArrayList<>();

  private QueryCapture(ServerSocket listener, int serverPort) {
    this.listener = listener;
    this.serverPort = serverPort;
  }

  /** Starts relaying connections on a free port of 127.0.0.1 to the server's port there. */
  static QueryCapture start(int serverPort) throws IOException {
    ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    QueryCapture capture = new QueryCapture(listener, serverPort);
    daemon(capture::acceptConnections, "query-capture-accept");
    return capture;
  }

  /** The port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  /** The queries recorded since the last call, in the order the server received them. */
  synchronized List<String> take() {
    List<String> taken = List.copyOf(queries);
    queries.clear();
    return taken;
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }

  private synchronized void record(String query) {
    queries.add(query);
  }

  private void acceptConnections() {
    while (!listener.isClosed()) {
      try {
        relay(listener.accept());
      } catch (IOException e) {
        // The listener was closed.
      }
    }
  }

  private void relay(Socket client) throws IOException {
    Socket server;
    try {
      server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
    } catch (IOException e) {
      client.close(); // The client sees the connection fail, as without the relay.
      return;
    }
    daemon(() -> pump(server, client), "query-capture-server");
    daemon(() -> relayClient(client, server), "query-capture-client");
  }

  private static void pump(Socket from, Socket to) {
    try (from;
        to) {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException e) {
      // One side hung up; closing both ends the other direction too.
    }
  }

  private void relayClient(Socket client, Socket server) {
    try (client;
        server) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
      DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(server.getOutputStream()));
      int code;
      do {
        // To an encryption request the server answers N (no TLS here); the startup packet follows.
        code = startupPacket(in, out);
      } while (code == SSL_REQUEST || code == GSSENC_REQUEST);
      while (true) {
        int type = in.read();
        if (type < 0) {
          return;
        }
        byte[] body = passOn(in, out, type);
        if (type == 'Q') {
          record(new String(body, 0, body.length - 1, StandardCharsets.UTF_8));
        }
        out.flush();
      }
    } catch (IOException e) {
      // The client or the server hung up.
    }
  }

  /** Passes on one untyped startup packet and returns its request code. */
  private static int startupPacket(DataInputStream in, DataOutputStream out) throws IOException {
    int length = in.readInt();
    byte[] body = in.readNBytes(length - 4);
    if (body.length < 4) {
      throw new EOFException("short startup packet");
    }
    out.writeInt(length);
    out.write(body);
    out.flush();
    return ((body[0] & 0xff) << 24)
        | ((body[1] & 0xff) << 16)
        | ((body[2] & 0xff) << 8)
        | (body[3] & 0xff);
  }

  /** Passes on the rest of a typed message and returns its body. */
  private static byte[] passOn(DataInputStream in, DataOutputStream out, int type)
      throws IOException {
    int length = in.readInt();
    byte[] body = in.readNBytes(length - 4);
    if (body.length != length - 4) {
      throw new EOFException("short message");
    }
    out.writeByte(type);
    out.writeInt(length);
    out.write(body);
    return body;
  }

  private static void daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }
}
