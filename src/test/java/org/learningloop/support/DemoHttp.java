package org.learningloop.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Requests to the running application's API as a demo user (password {@code demo}, HTTP Basic). */
public final class DemoHttp {

  private DemoHttp() {}

  /** The {@code Authorization} header's value for a demo user. */
  public static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  /** A JSON request to {@code base + path} as {@code user}; the caller adds the method. */
  public static HttpRequest.Builder json(String base, String user, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", basic(user))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json");
  }
}
