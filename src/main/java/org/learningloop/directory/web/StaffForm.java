package org.learningloop.directory.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffDetails;

/** The add/edit person form, as the browser sends it. */
public class StaffForm {

  private String username;
  private String email;
  private String displayName;
  private List<Role> roles = new ArrayList<>();
  private Long teamId;
  private Long serviceAreaId;
  private boolean enabled = true;

  static StaffForm of(Person person) {
    StaffForm form = new StaffForm();
    form.username = person.username();
    form.email = person.email();
    form.displayName = person.displayName();
    form.roles =
        new ArrayList<>(
            person.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(person.roles()));
    form.teamId = person.teamId();
    form.serviceAreaId = person.teamId() == null ? person.serviceAreaId() : null;
    form.enabled = person.enabled();
    return form;
  }

  StaffDetails toDetails() {
    return new StaffDetails(
        username,
        email,
        displayName,
        roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles),
        teamId,
        serviceAreaId,
        enabled);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public List<Role> getRoles() {
    return roles;
  }

  public void setRoles(List<Role> roles) {
    this.roles = roles;
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public Long getServiceAreaId() {
    return serviceAreaId;
  }

  public void setServiceAreaId(Long serviceAreaId) {
    this.serviceAreaId = serviceAreaId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
