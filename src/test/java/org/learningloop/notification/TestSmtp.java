package org.learningloop.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import org.learningloop.common.TimeConfiguration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A GreenMail SMTP server on a free port that may be started late (the mail server is down until
 * then).
 */
final class TestSmtp {

  final int port;
  final GreenMail server;

  TestSmtp() {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  /** A client for this server, with short timeouts. */
  JavaMailSenderImpl client() {
    return client(port, 5000);
  }

  /** A client for the SMTP server on {@code port}, with the given timeouts in milliseconds. */
  static JavaMailSenderImpl client(int port, int timeoutMillis) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(port);
    Properties properties = new Properties();
    properties.put("mail.smtp.connectiontimeout", String.valueOf(timeoutMillis));
    properties.put("mail.smtp.timeout", String.valueOf(timeoutMillis));
    properties.put("mail.smtp.writetimeout", String.valueOf(timeoutMillis));
    sender.setJavaMailProperties(properties);
    return sender;
  }

  /**
   * A mail server that takes every connection and then never says a word (not even its greeting):
   * the hung server a client without timeouts would wait for forever.
   */
  static final class Silent implements AutoCloseable {

    final ServerSocket socket;
    private final java.util.List<java.net.Socket> held =
        java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    Silent() {
      try {
        socket = new ServerSocket(0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread accepting =
          new Thread(
              () -> {
                while (!socket.isClosed()) {
                  try {
                    held.add(socket.accept());
                  } catch (IOException closed) {
                    return;
                  }
                }
              },
              "silent-smtp");
      accepting.setDaemon(true);
      accepting.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    /** How many connections it has taken so far. */
    int connections() {
      return held.size();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (held) {
        for (java.net.Socket s : held) {
          s.close();
        }
      }
    }
  }

  static String read(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clock the test moves by hand, a minute ahead so that whatever was just queued is due. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now().plusSeconds(60);

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return TimeConfiguration.LONDON;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
