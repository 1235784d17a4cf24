package org.learningloop.followup;

import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What every part of the follow-up aggregate has: its own id and the follow-up it belongs to. The
 * parts (conversations, support items, timeline entries) change only through {@link FollowUp}.
 */
@MappedSuperclass
abstract class FollowUpPart {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "follow_up_id", nullable = false)
  private FollowUp followUp;

  protected FollowUpPart() {}

  FollowUpPart(FollowUp followUp) {
    this.followUp = followUp;
  }

  public Long getId() {
    return id;
  }
}
