# No Bundler: the gems come from the system (Debian ruby-rails, ruby-pg).
# Loading rails here activates the railties gem before bin/rails requires rails/commands.
require "rails"
