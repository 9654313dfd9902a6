# admin-providers
