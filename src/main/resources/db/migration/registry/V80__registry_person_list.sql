-- registry: the paged person list walks current (unmerged) persons of a community in name order from an index
create index person_list_idx on registry.person (community_id, name, id) where merged_into is null;
