package org.learningloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningloop.support.HttpSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * X-Forwarded-For is believed only from the proxies named in {@code
 * server.tomcat.remoteip.internal-proxies}, none by default: a client on the network (here, on
 * loopback, which Tomcat's default would trust) cannot claim another address to dodge the
 * per-address lock-out. Over real HTTP, where Tomcat's valve runs; and a username with a line break
 * reaches neither log as two lines.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class TrustedProxyTest {

  @LocalServerPort int port;
  @Autowired AccessLog accessLog;

  private HttpResponse<String> wrongPassword(String username, String forwardedFor) {
    return HttpSession.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/follow-ups"))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((username + ":wrong").getBytes(StandardCharsets.UTF_8)))
            .header("X-Forwarded-For", forwardedFor)
            .build());
  }

  /** The newest {@code size} sign-ins in the access log: the user's, or (null) anyone's. */
  private List<AccessLog.Entry> signIns(String user, int size) {
    return accessLog
        .search(new AccessLog.Filter(null, null, user, AccessLog.SIGN_IN, null), 0, size)
        .entries();
  }

  @Test
  void aForwardedForHeaderFromAnUnnamedProxyIsIgnored() {
    String user = "proxy-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(wrongPassword(user, "203.0.113.77").statusCode()).isEqualTo(401);

    assertThat(signIns(user, 10))
        .extracting(AccessLog.Entry::resourceId)
        .containsExactly("127.0.0.1");
  }

  @Test
  void aLineBreakInAUsernameDoesNotReachTheLogs(CapturedOutput output) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    // No colon: HTTP Basic ends the username at the first one.
    String forged = "crlf-" + id + "\r\nSigned in as admin from 10.0.0.1";
    assertThat(wrongPassword(forged, "127.0.0.1").statusCode()).isEqualTo(401);

    assertThat(signIns(null, 200))
        .extracting(AccessLog.Entry::principal)
        .filteredOn(principal -> principal.contains(id))
        .singleElement()
        .satisfies(principal -> assertThat(principal).doesNotContain("\r", "\n"));
    // The application log names no account at all (LogsRevealNoPersonalDataTest), so the forged
    // line cannot start a line of its own there either.
    assertThat(output.getAll())
        .doesNotContain("crlf-" + id)
        .doesNotContain("\nSigned in as admin from 10.0.0.1");
  }
}
