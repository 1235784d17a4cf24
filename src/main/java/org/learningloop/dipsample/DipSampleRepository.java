package org.learningloop.dipsample;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DipSampleRepository extends JpaRepository<DipSample, Long> {

  Optional<DipSample> findByRef(String ref);

  /** Months are {@code YYYY-MM}, so they compare as text in calendar order. */
  List<DipSample> findByMonthBetweenOrderByMonthAscThemeAscRefAsc(String from, String to);

  List<DipSample> findByThemeAndMonthAndServiceAreaId(String theme, String month, long areaId);
}
