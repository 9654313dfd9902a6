# admin-people
