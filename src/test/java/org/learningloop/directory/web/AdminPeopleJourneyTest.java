package org.learningloop.directory.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.learningloop.support.Browser;
import org.learningloop.support.BrowserJourney;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

class AdminPeopleJourneyTest extends BrowserJourney {

  @Test
  void anAdminAddsATeamAndAPersonWhoThenSignsIn() {
    Browser b = browser().signIn("admin", "demo").go("/admin");
    b.assertAccessible("admin");
    WebDriver d = b.driver();

    b.clickAndWait(By.linkText("Teams and service areas"));
    b.assertAccessible("admin-teams");
    d.findElement(By.id("name")).sendKeys("Corporate Parenting Team 2");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add team']"));
    assertThat(b.text()).contains("There is a problem", "Choose the team's service area");
    b.assertAccessible("admin-teams-error");
    new Select(d.findElement(By.id("serviceAreaId"))).selectByVisibleText("Help and Protect");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add team']"));
    assertThat(b.text()).contains("Team Corporate Parenting Team 2 has been added");

    b.go("/admin/users");
    b.assertAccessible("admin-users");
    b.clickAndWait(By.linkText("Add a person"));
    b.clickAndWait(By.xpath("//button[normalize-space()='Add person']"));
    assertThat(b.text())
        .contains("There is a problem", "Enter the person's name", "Choose at least one role");
    b.assertAccessible("admin-user-errors");

    d.findElement(By.id("username")).sendKeys("sam.new");
    d.findElement(By.id("displayName")).sendKeys("Sam New");
    d.findElement(By.id("email")).sendKeys("sam.new@council.example");
    d.findElement(By.id("roles-PRACTITIONER")).click();
    new Select(d.findElement(By.id("teamId")))
        .selectByVisibleText("Corporate Parenting Team 2 (Help and Protect)");
    b.clickAndWait(By.xpath("//button[normalize-space()='Add person']"));
    assertThat(b.text()).contains("Sam New has been added");
    b.assertAccessible("admin-user");

    d.findElement(By.id("password")).sendKeys("a-long-enough-secret");
    b.clickAndWait(By.xpath("//button[normalize-space()='Set password']"));
    assertThat(b.text()).contains("A new password has been set for Sam New");
    // A reload after the redirect shows the page again and submits nothing.
    d.navigate().refresh();
    assertThat(b.path()).startsWith("/admin/users/");

    b.forgetSession().signIn("sam.new", "a-long-enough-secret");
    assertThat(b.text()).contains("Welcome, Sam New", "Corporate Parenting Team 2");
  }

  @Test
  void nobodyButAnAdminSeesTheAdminPages() {
    Browser b = browser().signIn("pi-lead", "demo").go("/admin/users");
    assertThat(b.text()).contains("You cannot see this page").doesNotContain("People");
    b.assertAccessible("admin-refused");
  }
}
