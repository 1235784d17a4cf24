package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.notification.Notification;
import org.learningloop.notification.Notifications;
import org.learningloop.notification.Template;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Publishing the committee report: once per period, by PI leads, and every Assistant Director and
 * Service Manager told.
 */
@SpringBootTest(properties = "learning-loop.demo.data=false")
@AutoConfigureMockMvc
class ReportPublishingTest {

  @Autowired MockMvc mvc;
  @MockitoBean Notifications notifications;

  @Test
  void publishingTellsEachAssistantDirectorAndServiceManagerOnceWithALinkAndNoFigures()
      throws Exception {
    mvc.perform(
            post("/api/reports/publications?from=2023-10&to=2023-11")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.from").value("2023-10"))
        .andExpect(jsonPath("$.to").value("2023-11"))
        .andExpect(jsonPath("$.publishedBy").value("pi-lead"))
        .andExpect(jsonPath("$.link").value("/reports/committee?from=2023-10&to=2023-11"));

    ArgumentCaptor<Notification> sent = ArgumentCaptor.forClass(Notification.class);
    verify(notifications, Mockito.atLeast(2)).enqueue(sent.capture());
    List<Notification> notices = sent.getAllValues();
    assertThat(notices)
        .extracting(Notification::recipientEmail)
        .containsExactlyInAnyOrder(
            "assistant-director@learningloop.example", "service-manager@learningloop.example");
    assertThat(notices)
        .extracting(Notification::key)
        .doesNotHaveDuplicates()
        .contains(
            "report:2023-10:2023-11:published:assistant-director",
            "report:2023-10:2023-11:published:service-manager");
    assertThat(notices)
        .allSatisfy(
            n -> {
              assertThat(n.template()).isEqualTo(Template.REPORT_PUBLISHED);
              assertThat(n.linkPath()).isEqualTo("/reports/committee?from=2023-10&to=2023-11");
              assertThat(n.auditRef()).isNull();
              assertThat(n.details())
                  .containsOnlyKeys(Template.Detail.FROM_MONTH, Template.Detail.TO_MONTH)
                  .containsEntry(Template.Detail.FROM_MONTH, "2023-10")
                  .containsEntry(Template.Detail.TO_MONTH, "2023-11");
            });

    mvc.perform(get("/api/reports/publications").with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.from == '2023-10' && @.to == '2023-11')].publishedBy")
                .value("pi-lead"));
  }

  @Test
  void publishingTheSamePeriodTwiceIsAConflictAndTellsNobodyAgain() throws Exception {
    mvc.perform(
            post("/api/reports/publications?from=2023-08&to=2023-09")
                .with(httpBasic("admin", "demo")))
        .andExpect(status().isCreated());
    verify(notifications, times(2)).enqueue(Mockito.any());

    mvc.perform(
            post("/api/reports/publications?from=2023-08&to=2023-09")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Report already published"));
    verify(notifications, times(2)).enqueue(Mockito.any());
  }

  @Test
  void onlyPiLeadsAndAdminsPublish() throws Exception {
    for (String user : new String[] {"pi-officer", "assistant-director", "auditor"}) {
      mvc.perform(
              post("/api/reports/publications?from=2023-06&to=2023-07")
                  .with(httpBasic(user, "demo")))
          .andExpect(status().isForbidden());
    }
    verify(notifications, never()).enqueue(Mockito.any());
    mvc.perform(
            post("/api/reports/publications?from=2023-07&to=2023-06")
                .with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isBadRequest());
  }

  @Test
  void thePublishButtonOnTheCommitteeReportPublishesAndThePageSaysSo() throws Exception {
    mvc.perform(
            get("/reports/committee?from=2023-04&to=2023-05").with(httpBasic("pi-lead", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Publish this report")));
    mvc.perform(
            get("/reports/committee?from=2023-04&to=2023-05")
                .with(httpBasic("service-manager", "demo")))
        .andExpect(status().isOk())
        .andExpect(
            content().string(org.hamcrest.Matchers.not(containsString("Publish this report"))));

    mvc.perform(
            post("/reports/committee/publish?from=2023-04&to=2023-05")
                .with(httpBasic("pi-lead", "demo"))
                .with(csrf()))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/reports/committee?from=2023-04&to=2023-05"));
    verify(notifications, times(2)).enqueue(Mockito.any());

    mvc.perform(
            get("/reports/committee?from=2023-04&to=2023-05").with(httpBasic("pi-lead", "demo")))
        .andExpect(content().string(containsString("Published by pi-lead on")))
        .andExpect(
            content().string(org.hamcrest.Matchers.not(containsString("Publish this report"))));
  }
}
