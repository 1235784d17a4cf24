package org.learningloop.security;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface LoginFailures extends Repository<LoginFailure, Long> {

  LoginFailure save(LoginFailure failure);

  @Query(
      "select count(f) from LoginFailure f where f.keyType = :keyType and f.keyValue = :keyValue and f.failedAt > :since")
  long countSince(LoginFailure.KeyType keyType, String keyValue, Instant since);

  @Query(
      "select max(f.failedAt) from LoginFailure f where f.keyType = :keyType and f.keyValue = :keyValue")
  Optional<Instant> lastFailure(LoginFailure.KeyType keyType, String keyValue);

  @Modifying
  @Query("delete from LoginFailure f where f.keyType = :keyType and f.keyValue = :keyValue")
  int deleteAllFor(LoginFailure.KeyType keyType, String keyValue);

  @Modifying
  @Query("delete from LoginFailure f where f.id = :id")
  int deleteById(Long id);

  @Modifying
  @Query("delete from LoginFailure f where f.failedAt < :before")
  int deleteOlderThan(Instant before);
}
