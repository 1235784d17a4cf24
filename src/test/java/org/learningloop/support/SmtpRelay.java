package org.learningloop.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A mail server address in front of a real one: it relays each connection to the server behind it,
 * or, once {@link #hang()} is called, takes new connections and never says a word (a mail server
 * that hangs). One per node, so that one node's mail server can hang while the other's works.
 */
public final class SmtpRelay implements AutoCloseable {

  private final ServerSocket socket;
  private final int upstream;
  private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());
  private volatile boolean hanging;

  public SmtpRelay(int upstreamPort) {
    this.upstream = upstreamPort;
    try {
      socket = new ServerSocket(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    daemon(this::accept, "smtp-relay-" + socket.getLocalPort());
  }

  public int port() {
    return socket.getLocalPort();
  }

  /** From now on, new connections are taken and left without an answer. */
  public void hang() {
    hanging = true;
  }

  /** How many connections were taken and left without an answer. */
  public int hung() {
    return held.size();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        held.add(client);
        if (hanging) {
          continue;
        }
        held.remove(client);
        Socket server = new Socket("127.0.0.1", upstream);
        daemon(() -> pump(client, server), "smtp-relay-up");
        daemon(() -> pump(server, client), "smtp-relay-down");
      } catch (IOException closed) {
        return;
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException ended) {
      // one side closed the connection
    } finally {
      close(from);
      close(to);
    }
  }

  private static void close(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  private static void daemon(Runnable run, String name) {
    Thread thread = new Thread(run, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    synchronized (held) {
      held.forEach(SmtpRelay::close);
    }
  }
}
