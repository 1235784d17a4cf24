package org.learningloop.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.learningloop.common.Paging;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every paged list, API and page, takes page 0 to 1,000,000 and size 1 to 200: beyond them, or not
 * a number, the API answers 400 naming the limit and a page shows something sensible; never a 500
 * from an offset that overflowed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PagingLimitsTest {

  /** Each paged endpoint and a user who may list it. */
  static final List<String[]> API =
      List.of(
          new String[] {"/api/follow-ups?status=OPEN&", "pi-lead"},
          new String[] {"/api/tasks?view=team&", "pi-officer"},
          new String[] {"/api/audits?", "auditor"},
          new String[] {"/api/admin/access-log?", "admin"});

  static final List<String> BAD_PAGES =
      List.of(
          "999999999", "1000001", "2147483647", "99999999999", "-1", "-2147483648", "abc", "1.5");
  static final List<String> BAD_SIZES = List.of("0", "-1", "201", "2147483647", "99999999999", "x");

  @Autowired MockMvc mvc;

  @Test
  void aPageBeyondTheLimitIsA400NamingIt() throws Exception {
    assertRefusedNaming("/api/follow-ups?page=999999999", "pi-lead", "page", "1000000");
  }

  @Test
  void everyPagedEndpointRefusesPagesAndSizesOutOfTheLimitsNamingThem() throws Exception {
    for (String[] api : API) {
      for (String page : BAD_PAGES) {
        assertRefusedNaming(api[0] + "page=" + page, api[1], "page", "0");
      }
      for (String size : BAD_SIZES) {
        assertRefusedNaming(api[0] + "size=" + size, api[1], "size", "200");
      }
      mvc.perform(get(api[0] + "page=1000001").with(httpBasic(api[1], "demo")))
          .andExpect(jsonPath("$.errors[0].message").value(containsString("1000000")));
      mvc.perform(
              get(api[0] + "page=" + Paging.MAX_PAGE + "&size=" + Paging.MAX_SIZE)
                  .with(httpBasic(api[1], "demo")))
          .andExpect(status().isOk());
    }
  }

  /**
   * A GET of the API by the user is refused with a 400 problem whose first error names the field
   * and, in its message, the limit.
   */
  private void assertRefusedNaming(String url, String user, String field, String limit)
      throws Exception {
    mvc.perform(get(url).with(httpBasic(user, "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").value(containsString(limit)));
  }

  @Test
  void pagesShowTheFirstPageOrSayWhatIsWrongForAPageOutOfTheLimits() throws Exception {
    List<String[]> pages =
        List.of(
            new String[] {"/tasks?page=", "pi-officer"},
            new String[] {"/audits?page=", "auditor"},
            new String[] {"/admin/outbox?page=", "admin"});
    for (String[] page : pages) {
      for (String bad : BAD_PAGES) {
        mvc.perform(get(page[0] + bad).with(httpBasic(page[1], "demo"))).andExpect(status().isOk());
      }
    }
    for (String bad : BAD_PAGES) {
      mvc.perform(get("/admin/access-log?page=" + bad).with(httpBasic("admin", "demo")))
          .andExpect(status().isOk())
          .andExpect(content().string(containsString("must be a whole number from 0 to 1000000")));
    }
  }
}
