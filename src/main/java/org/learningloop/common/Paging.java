package org.learningloop.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limits of every paged list, API and page alike: a page number from 0 to {@link #MAX_PAGE} and
 * a size from 1 to {@link #MAX_SIZE}. Within them the offset ({@code page * size}, at most
 * 200,000,000) fits the database's and JPA's int offsets, so a huge page number is a 400 naming the
 * limit rather than an overflow.
 */
public final class Paging {

  /** A million pages: every row of a million-audit register even at one row a page. */
  public static final int MAX_PAGE = 1_000_000;

  public static final int MAX_SIZE = 200;

  private Paging() {}

  /** Refuses a page or size outside the limits, naming each one at fault. */
  public static void check(int page, int size) {
    check(page, size, MAX_SIZE);
  }

  /** As {@link #check(int, int)}, for a list whose pages hold at most {@code maxSize} rows. */
  public static void check(int page, int size, int maxSize) {
    List<DomainException.FieldError> errors = new ArrayList<>();
    if (page < 0 || page > MAX_PAGE) {
      errors.add(pageError());
    }
    if (size < 1 || size > maxSize) {
      errors.add(new DomainException.FieldError("size", "must be from 1 to " + maxSize));
    }
    if (!errors.isEmpty()) {
      throw new OutOfRange(errors);
    }
  }

  /** The rows to skip: never overflows, whatever it is given. */
  public static long offset(int page, int size) {
    return (long) page * size;
  }

  /**
   * A page number typed into a page's address: within the limits, or empty when it is not a whole
   * number from 0 to {@link #MAX_PAGE}.
   */
  public static Optional<Integer> parsePage(String value) {
    if (value == null) {
      return Optional.empty();
    }
    try {
      int page = Integer.parseInt(value.strip());
      return page >= 0 && page <= MAX_PAGE ? Optional.of(page) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  public static DomainException.FieldError pageError() {
    return new DomainException.FieldError("page", "must be a whole number from 0 to " + MAX_PAGE);
  }

  /** A page or size outside the limits: 400 with {@code errors}. */
  static final class OutOfRange extends DomainException {
    private OutOfRange(List<FieldError> errors) {
      super(
          Kind.INVALID,
          "invalid-paging",
          "Invalid page or size",
          "The page must be from 0 to " + MAX_PAGE + " and the size within its limit; see errors.",
          errors);
    }
  }
}
