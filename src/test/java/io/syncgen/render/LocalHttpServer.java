package io.syncgen.render;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1 for the script tests: it records every request line byte for
 * byte and answers each request as the test says, one connection per request ({@code Connection:
 * close}). The JDK's {@code com.sun.net.httpserver.HttpServer} is not enough here: it answers 400
 * to a target holding {@code [} or {@code {}} before any handler sees it, and those are the paths
 * the health check must send unchanged.
 */
final class LocalHttpServer implements AutoCloseable {
  /**
   * One request as received.
   *
   * @param target the request target, as sent ({@code /health?x=1})
   * @param headers header fields, names lower-cased
   * @param body the body, as UTF-8
   */
  record Request(String target, Map<String, String> headers, String body) {}

  /**
   * How to answer.
   *
   * @param status the status code
   * @param headers extra header fields
   * @param delay how long to wait before answering; {@link #HANG} never answers
   */
  record Reply(int status, Map<String, String> headers, Duration delay) {
    static final Duration HANG = Duration.ofDays(1);

    static Reply status(int status) {
      return new Reply(status, Map.of(), Duration.ZERO);
    }

    static Reply retryAfter(int status, int seconds) {
      return new Reply(status, Map.of("Retry-After", String.valueOf(seconds)), Duration.ZERO);
    }

    static Reply hang() {
      return new Reply(200, Map.of(), HANG);
    }
  }

  private final ServerSocket socket;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Function<Request, Reply> replies;

  private LocalHttpServer(Function<Request, Reply> replies) throws IOException {
    this.replies = replies;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  /** Starts a server that answers every request with {@code replies.apply(request)}. */
  static LocalHttpServer start(Function<Request, Reply> replies) throws IOException {
    return new LocalHttpServer(replies);
  }

  /** {@code http://127.0.0.1:<port>}. */
  String origin() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** The requests received so far, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        pool.execute(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client;
        InputStream in = client.getInputStream();
        OutputStream out = new BufferedOutputStream(client.getOutputStream())) {
      String line = readLine(in);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
        int colon = header.indexOf(':');
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      String[] parts = line.split(" ", -1);
      Request request = new Request(parts.length == 3 ? parts[1] : line, headers, body);
      requests.add(request);
      Reply reply = replies.apply(request);
      Thread.sleep(reply.delay().toMillis());
      StringBuilder head = new StringBuilder("HTTP/1.1 " + reply.status() + " Test\r\n");
      reply.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    } catch (IOException | InterruptedException | RuntimeException gone) {
      // The client gave up (curl's --max-time) or the server is closing: nothing to answer.
    }
  }

  /** One line without its CRLF, read byte by byte so the body stays in the stream. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed mid-request");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.ISO_8859_1);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
