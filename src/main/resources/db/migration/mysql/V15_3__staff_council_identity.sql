-- The council identity provider's stable identity of a person (OpenID Connect issuer and subject), linked at their first
-- council sign-in (found then by email) and used from then on: an email claim can change hands, a subject does not.
alter table staff add column oidc_issuer varchar(500);
alter table staff add column oidc_subject varchar(255);
create unique index ux_staff_oidc_identity on staff (oidc_issuer, oidc_subject);
