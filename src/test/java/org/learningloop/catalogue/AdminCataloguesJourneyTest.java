package org.learningloop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.common.TimeConfiguration;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An administrator keeps the catalogues on their pages: adds a support type linking to its resource
 * (which a PI officer then offers and the follow-up page links to), and a contributory factor, and
 * retires them; retired entries stay listed but are no longer offered.
 */
class AdminCataloguesJourneyTest extends BrowserJourney {

  @Autowired TestRestTemplate http;

  @Test
  void anAdminAddsASupportTypeWithALinkThatTheFollowUpPageShowsAndRetiresIt() {
    Browser b = browser().signIn("admin", "demo").go("/admin");
    WebDriver d = b.driver();
    b.clickAndWait(By.linkText("Catalogues"));
    assertThat(b.text()).contains("Contributory factors", "Support types", "Individual coaching");
    b.assertAccessible("admin-catalogues");

    b.clickAndWait(By.linkText("Add a support type"));
    b.assertAccessible("admin-catalogue-new");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add']"));
    assertThat(b.text()).contains("There is a problem", "Enter a code", "Enter a label");
    b.assertAccessible("admin-catalogue-errors");

    d.findElement(By.id("code")).sendKeys("PEER_REVIEW");
    d.findElement(By.id("label")).sendKeys("Peer review of a recent assessment");
    d.findElement(By.id("resourceUrl")).sendKeys("javascript:alert(1)");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add']"));
    assertThat(b.text()).contains("Enter a web address starting with https://");
    d.findElement(By.id("resourceUrl")).clear();
    d.findElement(By.id("resourceUrl")).sendKeys("https://learning.example/peer-review");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add']"));
    assertThat(b.text()).contains("Peer review of a recent assessment has been added");
    assertThat(
            d.findElement(
                    By.xpath(
                        "//tr[td[normalize-space()='PEER_REVIEW']]//a[starts-with(normalize-space(),'Open')]"))
                .getDomAttribute("href"))
        .isEqualTo("https://learning.example/peer-review");

    // A PI officer offers it on a follow-up: the follow-up page links to the resource.
    long followUp = claimAnOpenFollowUp();
    var offered = offerPeerReview(followUp);
    assertThat(offered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    Browser officer = browser().signIn("pi-officer", "demo").go("/follow-ups/" + followUp);
    assertThat(
            officer
                .driver()
                .findElement(By.partialLinkText("Peer review of a recent assessment"))
                .getDomAttribute("href"))
        .isEqualTo("https://learning.example/peer-review");
    officer.assertAccessible("follow-up-with-resource-link");

    // Retired: still listed (and still on the follow-up), no longer offered.
    b = browser().signIn("admin", "demo").go("/admin/catalogues/support-types/PEER_REVIEW");
    d = b.driver();
    b.assertAccessible("admin-catalogue-entry");
    d.findElement(By.id("active-retired")).click();
    b.clickAndWait(By.xpath("//button[normalize-space()='Save changes']"));
    assertThat(b.text()).contains("Peer review of a recent assessment has been retired");
    assertThat(d.findElement(By.xpath("//tr[td[normalize-space()='PEER_REVIEW']]")).getText())
        .contains("Retired");
    var refused = offerPeerReview(followUp);
    assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
  }

  @Test
  void aRetiredFactorIsNoLongerOfferedForNewAudits() {
    Browser b = browser().signIn("admin", "demo").go("/admin/catalogues/factors/new");
    WebDriver d = b.driver();
    assertThat(d.findElements(By.id("resourceUrl"))).isEmpty();
    d.findElement(By.id("code")).sendKeys("family_network");
    d.findElement(By.id("label")).sendKeys("Family network not explored");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add']"));
    assertThat(b.text()).contains("Family network not explored has been added");

    Browser auditor = browser().signIn("auditor", "demo").go("/audits/new");
    assertThat(auditor.text()).contains("Family network not explored");

    b = browser().signIn("admin", "demo").go("/admin/catalogues/factors/FAMILY_NETWORK");
    b.driver().findElement(By.id("active-retired")).click();
    b.clickAndWait(By.xpath("//button[normalize-space()='Save changes']"));
    assertThat(b.text()).contains("Family network not explored has been retired");

    auditor = browser().signIn("auditor", "demo").go("/audits/new");
    assertThat(auditor.text()).doesNotContain("Family network not explored");
  }

  @Test
  void nobodyButAnAdminSeesTheCataloguePages() {
    Browser b = browser().signIn("pi-lead", "demo").go("/admin/catalogues");
    assertThat(b.text()).contains("You cannot see this page").doesNotContain("Support types");
  }

  private long claimAnOpenFollowUp() {
    String open =
        http.withBasicAuth("pi-lead", "demo")
            .getForObject("/api/follow-ups?status=OPEN&size=200", String.class);
    List<Integer> waiting = JsonPath.read(open, "$.content[?(@.stage == 'ALLOCATION')].id");
    assertThat(waiting).isNotEmpty();
    long id = waiting.get(0);
    var claimed = postAsOfficer("/api/follow-ups/" + id + "/claim", "{\"jointConversation\":true}");
    assertThat(claimed.getStatusCode()).isEqualTo(HttpStatus.OK);
    return id;
  }

  private ResponseEntity<String> offerPeerReview(long followUp) {
    return postAsOfficer(
        "/api/follow-ups/" + followUp + "/support-items",
        "{\"type\":\"PEER_REVIEW\",\"owner\":\"PRACTITIONER\",\"dueDate\":\""
            + LocalDate.now(TimeConfiguration.LONDON).plusDays(20)
            + "\"}");
  }

  private ResponseEntity<String> postAsOfficer(String path, String body) {
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("pi-officer", "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, json), String.class);
  }
}
