# admin-collections
