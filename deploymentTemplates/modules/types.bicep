// Shared parameter types.

@export()
@description('Resource tags, name to value.')
type tagMap = {
  *: string
}

@export()
@description('App settings (environment variables), name to value.')
type settingMap = {
  *: string
}
