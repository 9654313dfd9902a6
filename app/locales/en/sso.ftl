# sso
