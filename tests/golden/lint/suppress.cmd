reglint lint -f gcc suppress.reg
