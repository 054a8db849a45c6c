reglint lint -f gcc --profile profile-suite-order.profile --select RL6001 profile-suite-order.reg profile-suite-order-types.reg
