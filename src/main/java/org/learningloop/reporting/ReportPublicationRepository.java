package org.learningloop.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportPublicationRepository extends JpaRepository<ReportPublication, Long> {

  Optional<ReportPublication> findByPeriodFromAndPeriodTo(LocalDate periodFrom, LocalDate periodTo);

  List<ReportPublication> findTop50ByOrderByPublishedAtDesc();
}
