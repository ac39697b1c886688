-- The sites a staff member works at: a supervisor's reach is exactly these sites.
create table staff_site (
    staff_id uuid not null,
    site_id  uuid not null,
    constraint pk_staff_site primary key (staff_id, site_id),
    constraint fk_staff_site_staff foreign key (staff_id) references staff_member (id),
    constraint fk_staff_site_site foreign key (site_id) references site (id)
);
create index ix_staff_site_site on staff_site (site_id);
