package org.learningloop.workflow.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;

/**
 * The engine's users and groups, read from the application's directory: a user is a member of staff
 * (id = username), a group is a role ({@code pi-officer}), plus {@code practice-improvement} (PI
 * leads and officers) and {@code camunda-admin} (admins). Read-only: people are managed in Learning
 * Loop, never in Camunda Admin.
 */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

  static final String GROUP_TYPE = "learning-loop";

  private final Directory directory;

  DirectoryIdentityProvider(Directory directory) {
    this.directory = directory;
  }

  @Override
  public User findUserById(String userId) {
    return directory
        .findByUsername(userId)
        .filter(Person::enabled)
        .map(DirectoryIdentityProvider::toUser)
        .orElse(null);
  }

  @Override
  public UserQuery createUserQuery() {
    return new DirectoryUserQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public UserQuery createUserQuery(CommandContext commandContext) {
    return new DirectoryUserQuery();
  }

  @Override
  public NativeUserQuery createNativeUserQuery() {
    throw new UnsupportedOperationException(
        "Native user queries are not supported: users live in Learning Loop");
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    return directory.passwordMatches(userId, password);
  }

  @Override
  public Group findGroupById(String groupId) {
    return allGroups().filter(g -> g.getId().equals(groupId)).findFirst().orElse(null);
  }

  @Override
  public GroupQuery createGroupQuery() {
    return new DirectoryGroupQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public GroupQuery createGroupQuery(CommandContext commandContext) {
    return new DirectoryGroupQuery();
  }

  @Override
  public Tenant findTenantById(String tenantId) {
    return null;
  }

  @Override
  public TenantQuery createTenantQuery() {
    return new NoTenantQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new NoTenantQuery();
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  static Stream<Group> allGroups() {
    Stream<Group> roles = Arrays.stream(Role.values()).map(r -> group(r.groupId(), r.label()));
    return Stream.concat(
        roles,
        Stream.of(
            group(Role.PRACTICE_IMPROVEMENT_GROUP, "Practice Improvement team"),
            group(Role.ENGINE_ADMIN_GROUP, "Engine administrators")));
  }

  private static Group group(String id, String name) {
    GroupEntity group = new GroupEntity(id);
    group.setName(name);
    group.setType(GROUP_TYPE);
    return group;
  }

  private static User toUser(Person person) {
    UserEntity user = new UserEntity(person.username());
    String name = person.displayName();
    int space = name.lastIndexOf(' ');
    user.setFirstName(space > 0 ? name.substring(0, space) : name);
    user.setLastName(space > 0 ? name.substring(space + 1) : "");
    user.setEmail(person.email());
    return user;
  }

  private static <T> List<T> page(Stream<T> items, Page page) {
    Stream<T> paged = items;
    if (page != null) {
      paged = paged.skip(page.getFirstResult()).limit(page.getMaxResults());
    }
    return paged.toList();
  }

  private static Predicate<String> like(String pattern) {
    if (pattern == null) {
      return value -> true;
    }
    String regex =
        Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1))
            .map(java.util.regex.Pattern::quote)
            .reduce((a, b) -> a + ".*" + b)
            .orElse("");
    return value -> value != null && value.toLowerCase(Locale.ROOT).matches(regex);
  }

  private static boolean equalsOrUnset(String expected, String actual) {
    return expected == null || expected.equals(actual);
  }

  /** Users filtered in memory: the directory holds a few hundred people. */
  class DirectoryUserQuery extends UserQueryImpl {

    DirectoryUserQuery() {}

    DirectoryUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return matching().count();
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
      return DirectoryIdentityProvider.page(matching(), page);
    }

    private Stream<User> matching() {
      if (procDefId != null || tenantId != null) {
        return Stream.empty();
      }
      List<String> idList = ids == null ? null : Arrays.asList(ids);
      return directory.everyone().stream()
          .filter(Person::enabled)
          .filter(p -> groupId == null || p.groupIds().contains(groupId))
          .map(DirectoryIdentityProvider::toUser)
          .filter(u -> equalsOrUnset(id, u.getId()))
          .filter(u -> idList == null || idList.contains(u.getId()))
          .filter(u -> equalsOrUnset(firstName, u.getFirstName()))
          .filter(u -> like(firstNameLike).test(u.getFirstName()))
          .filter(u -> equalsOrUnset(lastName, u.getLastName()))
          .filter(u -> like(lastNameLike).test(u.getLastName()))
          .filter(u -> email == null || email.equalsIgnoreCase(u.getEmail()))
          .filter(u -> like(emailLike).test(u.getEmail()))
          .sorted(Comparator.comparing(User::getId));
    }
  }

  /** The fixed set of groups: roles plus the two shared groups. */
  class DirectoryGroupQuery extends GroupQueryImpl {

    DirectoryGroupQuery() {}

    DirectoryGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return matching().count();
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
      return DirectoryIdentityProvider.page(matching(), page);
    }

    private Stream<Group> matching() {
      if (procDefId != null || tenantId != null) {
        return Stream.empty();
      }
      List<String> idList = ids == null ? null : Arrays.asList(ids);
      Optional<List<String>> memberOf =
          userId == null
              ? Optional.empty()
              : Optional.of(
                  directory
                      .findByUsername(userId)
                      .filter(Person::enabled)
                      .map(p -> List.copyOf(p.groupIds()))
                      .orElse(List.of()));
      return allGroups()
          .filter(g -> equalsOrUnset(id, g.getId()))
          .filter(g -> idList == null || idList.contains(g.getId()))
          .filter(g -> equalsOrUnset(name, g.getName()))
          .filter(g -> like(nameLike).test(g.getName()))
          .filter(g -> type == null || Objects.equals(type, g.getType()))
          .filter(g -> memberOf.map(groups -> groups.contains(g.getId())).orElse(true))
          .sorted(Comparator.comparing(Group::getId));
    }
  }

  /** Learning Loop serves one council per installation: no tenants. */
  static class NoTenantQuery extends TenantQueryImpl {

    NoTenantQuery() {}

    NoTenantQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
      super(executor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
      return List.of();
    }
  }
}
