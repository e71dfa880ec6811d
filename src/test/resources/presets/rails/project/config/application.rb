require "rails"
require "active_record/railtie"

module Widgets
  class Application < Rails::Application
    config.load_defaults 6.1
    config.eager_load = false
    config.logger = ActiveSupport::Logger.new($stderr)
    config.log_level = :warn
    config.active_record.dump_schema_after_migration = false
  end
end
