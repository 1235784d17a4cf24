package org.learningloop.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FollowUpStatisticsQueriesTest {

  @Test
  void aJointConversationCountsForBothAndTheEarlierWayWins() {
    Instant tm = Instant.parse("2024-01-10T10:00:00Z");
    Instant practitioner = Instant.parse("2024-01-12T10:00:00Z");
    Instant joint = Instant.parse("2024-01-11T10:00:00Z");
    assertThat(
            FollowUpStatisticsQueries.bothHeld(
                Map.of("TEAM_MANAGER", tm, "PRACTITIONER", practitioner)))
        .isEqualTo(practitioner);
    assertThat(FollowUpStatisticsQueries.bothHeld(Map.of("TEAM_MANAGER", tm))).isNull();
    assertThat(FollowUpStatisticsQueries.bothHeld(Map.of("JOINT", joint))).isEqualTo(joint);
    assertThat(
            FollowUpStatisticsQueries.bothHeld(
                Map.of("JOINT", joint, "TEAM_MANAGER", tm, "PRACTITIONER", practitioner)))
        .isEqualTo(joint);
    assertThat(FollowUpStatisticsQueries.bothHeld(Map.of())).isNull();
  }
}
