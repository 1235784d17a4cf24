-- A support type may link to the resource it offers (a course page, the care-planning video); practitioners
-- offered it follow the link.
alter table catalogue_entry add column resource_url varchar(500);
