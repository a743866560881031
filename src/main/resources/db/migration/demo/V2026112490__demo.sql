-- Demo data (demo module): which demo datasets have been loaded, so that each loads once.
create table demo_dataset (
    name      varchar(64) primary key,
    loaded_at timestamp with time zone not null,
    summary   varchar(500)
);
