# tryit
