package org.learningloop.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An administrator loads staff from a CSV file: a file with bad lines loads nobody and lists every
 * line to correct; a good one reports who was added; the same file again (by the API) changes
 * nothing, and a changed line updates that person only.
 */
class StaffImportJourneyTest extends BrowserJourney {

  private static final String HEADER = "username,email,name,roles,team,service_area\n";

  @Autowired TestRestTemplate http;
  @Autowired Directory directory;

  @Test
  void anAdminLoadsStaffAllOrNothingAndLoadingAgainChangesNothing() throws IOException {
    String kim = "kim.lee" + suffix();
    String ray = "ray.dunn" + suffix();
    String good =
        HEADER
            + kim
            + ","
            + kim
            + "@council.example,Kim Lee,PRACTITIONER,Help and Protect Team 1,\n"
            + ray
            + ","
            + ray
            + "@council.example,Ray Dunn,service-manager;moderator,,Help and Protect\n";
    String bad =
        good.replace("PRACTITIONER,Help and Protect Team 1", "PRACTITIONER;WIZARD,No Such Team");

    Browser b = browser().signIn("admin", "demo").go("/admin/users");
    b.clickAndWait(By.linkText("Load staff from a file"));
    b.assertAccessible("admin-staff-import");
    b.clickAndWait(By.xpath("//button[normalize-space()='Load staff']"));
    assertThat(b.text()).contains("There is a problem", "Choose a CSV file of staff");

    upload(b, bad);
    assertThat(b.text())
        .contains(
            "There is a problem",
            "line 2, roles",
            "no role is called WIZARD",
            "line 2, team",
            "no team is called No Such Team");
    b.assertAccessible("admin-staff-import-errors");
    assertThat(directory.findByUsername(ray)).as("all or nothing: line 3 was fine").isEmpty();

    upload(b, good);
    assertThat(b.text()).contains("Staff loaded: 2 added, 0 changed, 0 unchanged", kim, ray);
    b.assertAccessible("admin-staff-import-done");
    Person rayDunn = directory.findByUsername(ray).orElseThrow();
    assertThat(rayDunn.roles()).containsExactlyInAnyOrder(Role.SERVICE_MANAGER, Role.MODERATOR);
    assertThat(rayDunn.serviceAreaName()).isEqualTo("Help and Protect");
    assertThat(directory.findByUsername(kim).orElseThrow().teamName())
        .isEqualTo("Help and Protect Team 1");

    ResponseEntity<String> again = importByApi(good);
    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((Integer) JsonPath.read(again.getBody(), "$.unchanged")).isEqualTo(2);
    assertThat((Integer) JsonPath.read(again.getBody(), "$.created")).isZero();

    ResponseEntity<String> renamed = importByApi(good.replace("Kim Lee", "Kim Lee-Hart"));
    assertThat((Integer) JsonPath.read(renamed.getBody(), "$.updated")).isEqualTo(1);
    assertThat(
            (List<String>)
                JsonPath.read(renamed.getBody(), "$.rows[?(@.outcome == 'UPDATED')].username"))
        .containsExactly(kim);
    assertThat(directory.findByUsername(kim).orElseThrow().displayName()).isEqualTo("Kim Lee-Hart");
  }

  @Test
  void theApiAnswersABadFileWithProblemDetailsNamingEachLine() {
    ResponseEntity<String> refused =
        importByApi(HEADER + "x" + suffix() + ",not-an-email,Someone,PRACTITIONER,,\n");
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat((List<String>) JsonPath.read(refused.getBody(), "$.errors[*].field"))
        .contains("line 2, email", "line 2, team");

    ResponseEntity<String> forbidden =
        http.withBasicAuth("pi-lead", "demo")
            .exchange(
                "/api/admin/staff/import",
                HttpMethod.POST,
                new HttpEntity<>(HEADER, csv()),
                String.class);
    assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  private ResponseEntity<String> importByApi(String file) {
    return http.withBasicAuth("admin", "demo")
        .exchange(
            "/api/admin/staff/import",
            HttpMethod.POST,
            new HttpEntity<>(file, csv()),
            String.class);
  }

  private static HttpHeaders csv() {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
    return headers;
  }

  private static void upload(Browser b, String content) throws IOException {
    Path file = Files.createTempFile("staff-", ".csv");
    Files.writeString(file, content);
    b.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    b.clickAndWait(By.xpath("//button[normalize-space()='Load staff']"));
  }

  private static String suffix() {
    return String.valueOf(System.nanoTime() % 1_000_000);
  }
}
