package org.learningloop.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's signed-in session over real HTTP: signed in with the login form (with its CSRF
 * token), then carried by its session cookie, as a browser does.
 *
 * @param cookie the {@code JSESSIONID=...} cookie to send
 * @param csrf the CSRF token the session's pages carry
 */
public record HttpSession(String cookie, String csrf) {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  public static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  /** Signs in at {@code base + "/login"} with the form; fails the test if that does not work. */
  public static HttpSession signIn(String base, String username, String password) {
    try {
      HttpResponse<String> form =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/login")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher token = CSRF.matcher(form.body());
      if (!token.find()) {
        throw new AssertionError("the login form carries no CSRF token");
      }
      String body =
          "username="
              + URLEncoder.encode(username, StandardCharsets.UTF_8)
              + "&password="
              + URLEncoder.encode(password, StandardCharsets.UTF_8)
              + "&_csrf="
              + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
      HttpResponse<String> signedIn =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/login"))
                  .header("Cookie", sessionCookie(form))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      String location = signedIn.headers().firstValue("Location").orElse("");
      if (location.contains("error") || location.contains("locked")) {
        throw new AssertionError("could not sign in as " + username + ": " + location);
      }
      String cookie = sessionCookie(signedIn);
      HttpResponse<String> page =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(base + "/")).header("Cookie", cookie).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher pageToken = CSRF.matcher(page.body());
      if (!pageToken.find()) {
        throw new AssertionError("the home page of " + username + " carries no CSRF token");
      }
      return new HttpSession(cookie, pageToken.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request and reads its body as text. */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The session cookie a response sets, as a {@code Cookie} header value. */
  public static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(cookie -> cookie.startsWith("JSESSIONID="))
        .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie"));
  }
}
